using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using Microsoft.Extensions.Logging;

namespace MentorFunctions.Core.Languages;

/// <summary>
/// Which language the bot writes to a mentor in: the mentor's own setting (`language es`) when there is one, else the
/// language of what the stand-in has learned from their writing (the mentor-wide profile, when it is clear), else the
/// language of their recent messages where the caller has them, else English. A host without style profiles (the
/// intake on its own) passes none: the setting and the messages still decide.
/// </summary>
public sealed class MentorLanguages(ILogger<MentorLanguages> log, IStyleProfileReader? profiles = null)
{
    private static readonly (string Code, string Name)[] ProfileNames =
        [("en", "English"), ("es", "Spanish"), ("pt", "Portuguese"), ("fr", "French"), ("de", "German")];

    /// <param name="recentTexts">The mentor's own recent messages, if the caller has read them (else nothing).</param>
    public Task<string> ForAsync(MentorRecord mentor, IEnumerable<string?>? recentTexts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        return ForAsync(mentor.BotEmail, mentor.UserId, mentor.Language, recentTexts, Language.Default, ct);
    }

    /// <summary>The same for a user who may have no mentor record (<paramref name="chosen"/> null), with its own last resort.</summary>
    public async Task<string> ForAsync(string botEmail, long userId, string? chosen, IEnumerable<string?>? recentTexts, string fallback, CancellationToken ct)
    {
        if (Language.Known(chosen) is { } set)
            return set;
        return await LearnedAsync(botEmail, userId, ct).ConfigureAwait(false)
            ?? (recentTexts is null ? null : LanguageDetector.Detect(recentTexts))
            ?? Language.Known(fallback)
            ?? Language.Default;
    }

    /// <summary>The language the mentor-wide style profile says the mentor usually writes in, or null.</summary>
    public async Task<string?> LearnedAsync(string botEmail, long mentorId, CancellationToken ct)
    {
        if (profiles is null)
            return null;
        StyleSnapshot snapshot;
        try
        {
            snapshot = await profiles.ReadMentorAsync(botEmail, mentorId, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The language of a notice is not worth failing the notice for: it is written in English instead.
            log.LogWarning("Reading the style profile of mentor {MentorId} for their language failed ({Error})", mentorId, e.GetType().Name);
            return null;
        }
        return FromHabits(snapshot.Habits);
    }

    internal static string? FromHabits(IReadOnlyList<string> habits)
    {
        foreach (var (code, name) in ProfileNames)
        {
            if (habits.Contains(StyleHabits.WritesIn(name)))
                return code;
        }
        return null;
    }
}
