namespace MentorFunctions.Core.Commands;

/// <summary>Settings of the mentor and admin controls (configuration section "Controls").</summary>
public sealed class ControlsOptions
{
    public const string Section = "Controls";

    /// <summary>How long a `forget` confirmation code stays valid.</summary>
    public TimeSpan ForgetCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong codes allowed before a pending `forget` is dropped (the sender asks again).</summary>
    public int ForgetMaxAttempts { get; set; } = 5;

    /// <summary>
    /// How long a changing command's message id and answer are kept, so a webhook Zulip re-sends gets the first answer
    /// instead of a second run. Zulip re-sends within a minute or two; the hour is a margin.
    /// </summary>
    public TimeSpan CommandReplayWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a re-send waits for the first call's answer: under Zulip's 10 s webhook timeout.</summary>
    public TimeSpan CommandReplayWait { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>A claim older than this with no answer is from a call that died: a re-send runs the command.</summary>
    public TimeSpan CommandReplayLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a draft may wait for the mentor; an older one is stale for the student and is discarded.</summary>
    public TimeSpan DraftLifetime { get; set; } = TimeSpan.FromHours(24);
}
