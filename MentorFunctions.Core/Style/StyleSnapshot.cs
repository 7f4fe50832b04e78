using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Timing;

namespace MentorFunctions.Core.Style;

/// <summary>A phrase and how often the mentor uses it (uses per message).</summary>
public sealed record PhraseUse(string Text, double RatePerMessage);

/// <summary>
/// A mentor's style as read for one reply: the pair's profile blended with the mentor's, or a prior when data is thin.
/// Read-only input to prompt building, the delay planner and the status summary.
/// </summary>
public sealed record StyleSnapshot(
    long MentorId,
    long MessagesSeen,
    double Confidence,
    double MeanChars,
    double StdDevChars,
    double MeanWords,
    double Formality,
    double EmojiPerMessage,
    IReadOnlyList<string> FavouriteEmoji,
    double QuestionRate,
    double ExclamationRate,
    double MarkdownRate,
    IReadOnlyList<PhraseUse> Openers,
    IReadOnlyList<PhraseUse> SignOffs,
    IReadOnlyList<PhraseUse> Phrases,
    IReadOnlyList<string> Exemplars,
    TimingSnapshot Timing,
    int ProfileVersion)
{
    // Formality: -1 very casual … 0 neutral … +1 very formal. Rates are per message, 0..1 or more.

    /// <summary>Version-3 habits in words for the prompt (<see cref="StyleHabits"/>): punctuation, "i", language, fillers.</summary>
    public IReadOnlyList<string> Habits { get; init; } = [];
}

/// <summary>Reads the blended style for a reply and the words summary for the status command.</summary>
public interface IStyleProfileReader
{
    Task<StyleSnapshot> ReadForReplyAsync(ConversationKey conversation, CancellationToken cancellationToken = default);

    /// <summary>The mentor-wide profile (all students), or the prior for a new mentor.</summary>
    Task<StyleSnapshot> ReadMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default);
}
