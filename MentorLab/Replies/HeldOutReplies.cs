using MentorLab.Statistics;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorLab.Export;

namespace MentorLab.Replies;

/// <summary>
/// One held-out student message the mentor really answered: the student's messages since the mentor last wrote in
/// that thread, the mentor's real reply, and the thread before the reply as the prompt's history.
/// </summary>
public sealed record HeldOutReply(
    ExportMessage Student,
    IReadOnlyList<ExportMessage> Burst,
    ExportMessage Real,
    IReadOnlyList<ConversationMessage> History,
    StyleProfile Pair);

/// <summary>A mentor's learned profile (training part only) and their held-out replies, earliest first.</summary>
public sealed record MentorSplit(long Id, string Name, int TrainMessages, StyleProfile Profile, IReadOnlyList<string> TrainingTexts, IReadOnlyList<HeldOutReply> Replies);

/// <summary>
/// The time-ordered split, learned as production learns. A thread is what the stand-in of one mentor–student pair
/// would see: in a conversation (a DM group, or a channel topic) the mentor's messages and one other person's. The
/// mentor's profile learns every training message once, through <see cref="StyleLearner.Record"/> with the stored
/// profile decoded and encoded around each message as the record step does; each thread learns its own pair profile
/// the same way. A held-out reply is a mentor message after the split whose latest preceding message in its
/// conversation is another person's: that person's thread, up to the reply, is the prompt's history, so nothing
/// another student wrote reaches it.
/// </summary>
public static class HeldOutReplies
{
    private const string LabBot = "lab@mentor-lab";

    /// <summary>
    /// One person's thread in a conversation: their messages and the mentor's messages that answer them (the mentor's
    /// messages whose latest preceding message by someone else is theirs, or that precede everyone else's). In a channel
    /// topic the mentor's answers to other people stay out: they may quote those people.
    /// </summary>
    internal static List<ExportMessage> Thread(IReadOnlyList<ExportMessage> conversation, long mentorId, long studentId)
    {
        var thread = new List<ExportMessage>();
        long? lastOther = null;
        foreach (var m in conversation)
        {
            if (m.SenderId != mentorId)
                lastOther = m.SenderId;
            if (m.SenderId == studentId || (m.SenderId == mentorId && (lastOther is null || lastOther == studentId)))
                thread.Add(m);
        }
        return thread;
    }

    public static MentorSplit Split(long mentorId, IReadOnlyList<ExportMessage> own, IReadOnlyDictionary<string, List<ExportMessage>> conversations,
        IReadOnlyDictionary<long, int> position, double trainShare, int historyMessages, StyleOptions style, CancellationToken ct)
    {
        var cut = position[own[Math.Clamp((int)Math.Round(own.Count * trainShare), 1, own.Count - 1)].Id];
        bool Training(ExportMessage m) => position[m.Id] < cut;

        var mentorBytes = ProfileCodec.Serialize(new StyleProfile());
        var replies = new List<HeldOutReply>();
        foreach (var name in own.Select(m => m.Conversation).Distinct())
        {
            ct.ThrowIfCancellationRequested();
            var conversation = conversations[name];
            // The mentor-wide profile: each training message of this conversation once.
            var pairBytes = ProfileCodec.Serialize(new StyleProfile(), new PairLedger());
            foreach (var m in conversation.Where(Training))
                StoredRecordStep.Record(Message(m, mentorId), ref pairBytes, ref mentorBytes, style);

            foreach (var studentId in conversation.Where(m => m.SenderId != mentorId).Select(m => m.SenderId).Distinct().Order())
            {
                var thread = Thread(conversation, mentorId, studentId);
                // Learned only for a thread with a held-out reply: a busy topic has many people the mentor never answered later.
                StyleProfile? threadPair = null;
                for (var i = 0; i < conversation.Count; i++)
                {
                    var reply = conversation[i];
                    if (reply.SenderId != mentorId || Training(reply) || i == 0 || conversation[i - 1].SenderId != studentId) continue;
                    var at = thread.IndexOf(reply);
                    var burst = new List<ExportMessage>();
                    for (var j = at - 1; j >= 0 && thread[j].SenderId == studentId; j--) burst.Insert(0, thread[j]);
                    var history = thread.GetRange(Math.Max(0, at - historyMessages), Math.Min(at, historyMessages)).Select(m => Message(m, mentorId)).ToList();
                    threadPair ??= LearnThread(thread.Where(Training), mentorId, style);
                    replies.Add(new HeldOutReply(conversation[i - 1], burst, reply, history, threadPair));
                }
            }
        }
        replies.Sort((a, b) => position[a.Real.Id].CompareTo(position[b.Real.Id]));
        var training = own.Where(Training).ToList();
        return new MentorSplit(mentorId, own[^1].SenderFullName, training.Count, ProfileCodec.Deserialize(mentorBytes).Profile,
            training.Select(m => m.Content).ToList(), replies);
    }

    /// <summary>The pair profile of one thread's training messages, stored and read back around each message.</summary>
    private static StyleProfile LearnThread(IEnumerable<ExportMessage> messages, long mentorId, StyleOptions style)
    {
        var pairBytes = ProfileCodec.Serialize(new StyleProfile(), new PairLedger());
        // Record wants the mentor-wide profile too; that one is learned above, once per message, so this copy is dropped.
        var discarded = new StyleProfile();
        foreach (var m in messages)
        {
            var (pair, ledger, _) = ProfileCodec.Deserialize(pairBytes);
            if (!ledger.TryMarkCounted(m.Id)) continue;
            var message = Message(m, mentorId);
            StyleLearner.Record(message, ledger, pair, message.Role == ParticipantRole.Mentor ? discarded : null, style);
            pairBytes = ProfileCodec.Serialize(pair, ledger);
        }
        return ProfileCodec.Deserialize(pairBytes).Profile;
    }

    public static MentorRecord Mentor(long id, string name) => new(LabBot, id, "", name, DateTimeOffset.UnixEpoch);

    private static ConversationMessage Message(ExportMessage m, long mentorId) =>
        new(m.Id, m.SenderId, m.SenderId == mentorId ? ParticipantRole.Mentor : ParticipantRole.Student, m.SentAt, m.Content);
}
