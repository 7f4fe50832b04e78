using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorLab.Export;

namespace MentorLab.Import;

/// <summary>
/// Learns a mentor's profile from their conversations with students exactly as the record step does
/// (<see cref="StyleLearner.Record"/> after the pair's ledger counted the message): the mentor's messages teach the style
/// of the mentor-wide and the pair profile, and the gap from a student's latest message to the mentor's answer a reply
/// latency. Each conversation is learned in Zulip's order (message ids, which follow the send time).
/// </summary>
public sealed class HistoryLearner(long mentorId, StyleOptions options)
{
    public long MentorId { get; } = mentorId;
    public StyleProfile Mentor { get; private set; } = new();
    public Dictionary<long, (StyleProfile Pair, PairLedger Ledger)> Pairs { get; } = [];

    /// <summary>Learns messages of the conversation with <paramref name="studentId"/>; returns how many were counted.</summary>
    public int Learn(long studentId, IEnumerable<ExportMessage> messages)
    {
        if (!Pairs.TryGetValue(studentId, out var pair)) Pairs[studentId] = pair = (new StyleProfile(), new PairLedger());
        var counted = 0;
        foreach (var m in messages)
        {
            var role = m.SenderId == MentorId ? ParticipantRole.Mentor : m.SenderId == studentId ? ParticipantRole.Student : (ParticipantRole?)null;
            if (role is null || !pair.Ledger.TryMarkCounted(m.Id)) continue;
            var message = new ConversationMessage(m.Id, m.SenderId, role.Value, m.SentAt, m.Content);
            StyleLearner.Record(message, pair.Ledger, pair.Pair, role == ParticipantRole.Mentor ? Mentor : null, options);
            counted++;
        }
        return counted;
    }

    /// <summary>The mentor profile in its stored form.</summary>
    public byte[] SaveMentor() => ProfileCodec.Serialize(Mentor);

    /// <summary>One pair's profile and ledger in their stored form.</summary>
    public byte[] SavePair(long studentId) => ProfileCodec.Serialize(Pairs[studentId].Pair, Pairs[studentId].Ledger);

    public void LoadMentor(byte[] data) => Mentor = ProfileCodec.Deserialize(data).Profile;

    public void LoadPair(long studentId, byte[] data)
    {
        var (pair, ledger, _) = ProfileCodec.Deserialize(data);
        Pairs[studentId] = (pair, ledger);
    }
}
