using MentorFunctions.Core.Storage;

namespace MentorFunctions.Core.Commands;

/// <summary>
/// A mentor's pause and reply mode, changed in one place: the chat commands and the dashboard both call these, so a
/// pause set on either is the same stored state and shows the same in `status`.
/// </summary>
public sealed class MentorControls(IMentorRegistry registry, TimeProvider time)
{
    /// <summary>The longest timed pause the dashboard offers; longer is "until resumed".</summary>
    public static readonly TimeSpan MaxTimedPause = TimeSpan.FromDays(30);

    /// <summary>Pauses the stand-in for <paramref name="duration"/>, or until resumed when null; returns the stored record.</summary>
    public async Task<MentorRecord> PauseAsync(MentorRecord mentor, TimeSpan? duration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        var until = duration is { } d ? time.GetUtcNow() + d : MentorCommandHandler.UntilResumed;
        var updated = mentor with { PausedUntil = until };
        await registry.UpsertMentorAsync(updated, ct).ConfigureAwait(false);
        return updated;
    }

    public async Task<MentorRecord> ResumeAsync(MentorRecord mentor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        var updated = mentor with { PausedUntil = null };
        await registry.UpsertMentorAsync(updated, ct).ConfigureAwait(false);
        return updated;
    }

    public async Task<MentorRecord> SetModeAsync(MentorRecord mentor, ReplyMode mode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        var updated = mentor with { Mode = mode };
        await registry.UpsertMentorAsync(updated, ct).ConfigureAwait(false);
        return updated;
    }

    /// <summary>Whether the stand-in is paused now.</summary>
    public bool IsPaused(MentorRecord mentor) => mentor.PausedUntil is { } until && until > time.GetUtcNow();
}
