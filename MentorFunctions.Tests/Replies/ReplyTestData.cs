using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Timing;

namespace MentorFunctions.Tests.Replies;

/// <summary>Shared inputs: a learned style and in-memory stand-ins for the registry and profile reader (other helpers' parts).</summary>
internal static class ReplyTestData
{
    public static StyleSnapshot Style(long mentorId, int exemplarChars = 200) => new(
        mentorId, MessagesSeen: 240, Confidence: 0.8, MeanChars: 180, StdDevChars: 60, MeanWords: 32, Formality: -0.3,
        EmojiPerMessage: 0.6, FavouriteEmoji: ["🙂", "🚀"], QuestionRate: 0.4, ExclamationRate: 0.3, MarkdownRate: 0.2,
        Openers: [new PhraseUse("Hey!", 0.35), new PhraseUse("Hi there", 0.2)],
        SignOffs: [new PhraseUse("Cheers", 0.25)],
        Phrases: [new PhraseUse("let's unpack this", 0.12), new PhraseUse("you've got this", 0.08)],
        Exemplars: Enumerable.Range(1, 6).Select(i => $"Exemplar {i}: " + string.Concat(Enumerable.Repeat("mentor words ", exemplarChars / 13))).ToArray(),
        Timing: new TimingSnapshot(6, 1, 50, [], 180),
        ProfileVersion: 7);
}

internal sealed class InMemoryMentorRegistry : IMentorRegistry
{
    private readonly Dictionary<(string, long), MentorRecord> _mentors = [];
    private readonly Dictionary<(string, long, long), PairRecord> _pairs = [];

    private static string K(string bot) => bot.ToLowerInvariant();

    public Task<MentorRecord?> GetMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_mentors.GetValueOrDefault((K(botEmail), mentorId)));

    public Task<MentorRecord?> UpdateMentorAsync(string botEmail, long mentorId, Func<MentorRecord?, MentorRecord?> change,
        CancellationToken cancellationToken = default)
    {
        var current = _mentors.GetValueOrDefault((K(botEmail), mentorId));
        if (change(current) is { } next)
            _mentors[(K(botEmail), mentorId)] = current = next;
        return Task.FromResult(current);
    }

    public Task<bool> RemoveMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_mentors.Remove((K(botEmail), mentorId)));

    public Task<IReadOnlyList<MentorRecord>> ListMentorsAsync(string botEmail, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<MentorRecord>>(_mentors.Values.Where(m => K(m.BotEmail) == K(botEmail)).ToList());

    public Task<PairRecord?> GetPairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_pairs.GetValueOrDefault((K(botEmail), mentorId, studentId)));

    public Task<PairRecord> EnrolAsync(PairRecord pair, CancellationToken cancellationToken = default)
    {
        var key = (K(pair.BotEmail), pair.MentorId, pair.StudentId);
        if (!_pairs.TryGetValue(key, out var existing))
            _pairs[key] = existing = pair;
        return Task.FromResult(existing);
    }

    public Task<bool> RemovePairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_pairs.Remove((K(botEmail), mentorId, studentId)));

    public Task<IReadOnlyList<PairRecord>> ListStudentsAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PairRecord>>(_pairs.Values.Where(p => K(p.BotEmail) == K(botEmail) && p.MentorId == mentorId).ToList());

    public Task<IReadOnlyList<PairRecord>> ListMentorsOfStudentAsync(string botEmail, long studentId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PairRecord>>(_pairs.Values.Where(p => K(p.BotEmail) == K(botEmail) && p.StudentId == studentId).ToList());
}

internal sealed class FixedStyleReader : IStyleProfileReader
{
    public Task<StyleSnapshot> ReadForReplyAsync(ConversationKey conversation, CancellationToken cancellationToken = default) =>
        Task.FromResult(ReplyTestData.Style(conversation.MentorId));

    public Task<StyleSnapshot> ReadMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) =>
        Task.FromResult(ReplyTestData.Style(mentorId));
}
