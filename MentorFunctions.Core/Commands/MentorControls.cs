using MentorFunctions.Core.Storage;

namespace MentorFunctions.Core.Commands;

/// <summary>
/// A mentor's settings, changed in one place: the chat commands and the dashboard both call these, so a pause set on
/// either is the same stored state and shows the same in `status`. Each change applies to the stored record as it is
/// at the write (<see cref="IMentorRegistry.UpdateMentorAsync"/>), not to the possibly cached record the caller holds,
/// so a `pause` and a `persona` handled at once by two instances both survive.
/// </summary>
public sealed class MentorControls(IMentorRegistry registry, TimeProvider time)
{
    /// <summary>The longest timed pause the dashboard offers; longer is "until resumed".</summary>
    public static readonly TimeSpan MaxTimedPause = TimeSpan.FromDays(30);

    /// <summary>
    /// Pauses the stand-in for <paramref name="duration"/>, or until resumed when null. Like every change here it returns
    /// the stored record, or null when the mentor is no longer registered (removed meanwhile).
    /// </summary>
    public Task<MentorRecord?> PauseAsync(MentorRecord mentor, TimeSpan? duration, CancellationToken ct)
    {
        var until = duration is { } d ? time.GetUtcNow() + d : MentorCommandHandler.UntilResumed;
        return ChangeAsync(mentor, m => m with { PausedUntil = until }, ct);
    }

    public Task<MentorRecord?> ResumeAsync(MentorRecord mentor, CancellationToken ct) =>
        ChangeAsync(mentor, m => m with { PausedUntil = null }, ct);

    public Task<MentorRecord?> SetModeAsync(MentorRecord mentor, ReplyMode mode, CancellationToken ct) =>
        ChangeAsync(mentor, m => m with { Mode = mode }, ct);

    /// <summary>Sets the persona note, or removes it when <paramref name="persona"/> is null.</summary>
    public Task<MentorRecord?> SetPersonaAsync(MentorRecord mentor, string? persona, CancellationToken ct) =>
        ChangeAsync(mentor, m => m with { Persona = persona }, ct);

    /// <summary>Sets the mentor's quiet hours, or removes them when <paramref name="quietHours"/> is null.</summary>
    public Task<MentorRecord?> SetQuietHoursAsync(MentorRecord mentor, MentorQuietHours? quietHours, CancellationToken ct) =>
        ChangeAsync(mentor, m => m with { QuietHours = quietHours }, ct);

    /// <summary>Sets the language the bot writes to the mentor in, or lets their writing decide when <paramref name="language"/> is null.</summary>
    public Task<MentorRecord?> SetLanguageAsync(MentorRecord mentor, string? language, CancellationToken ct) =>
        ChangeAsync(mentor, m => m with { Language = language }, ct);

    /// <summary>Whether the stand-in is paused now.</summary>
    public bool IsPaused(MentorRecord mentor) => mentor.PausedUntil is { } until && until > time.GetUtcNow();

    private Task<MentorRecord?> ChangeAsync(MentorRecord mentor, Func<MentorRecord, MentorRecord> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        // A mentor removed meanwhile stays removed: a late setting must not register them again.
        return registry.UpdateMentorAsync(mentor.BotEmail, mentor.UserId, stored => stored is null ? null : change(stored), ct);
    }
}
