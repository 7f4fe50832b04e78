namespace MentorFunctions.Core.Style;

/// <summary>Profile storage settings (configuration section "Style").</summary>
public sealed class StyleOptions
{
    public const string Section = "Style";

    /// <summary>Optimistic-concurrency attempts before a write gives up with a transient error (the step is retried).</summary>
    public int MaxWriteAttempts { get; set; } = 40;

    /// <summary>First backoff after a conflict; doubles per attempt up to <see cref="MaxBackoff"/>, with full jitter.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromMilliseconds(10);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>
    /// A student message this long after the first unanswered one starts a new wait for reply-latency learning: the
    /// mentor left the earlier messages to the stand-in. Keep it at or above Timing:MaxDelay (by then the stand-in has
    /// answered); too long, and a mentor's answer to a new question is timed from an old, abandoned one.
    /// </summary>
    public TimeSpan AbandonedWaitAfter { get; set; } = TimeSpan.FromHours(2);
}
