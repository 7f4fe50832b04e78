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
    /// The longest gap between a student's latest message and the mentor's answer that is learned as a reply latency.
    /// Longer gaps are conversations resumed (the next day, after a holiday), not replies; learning them would teach the
    /// stand-in to wait for days. The planner never waits longer than Timing:MaxDelay anyway.
    /// </summary>
    public TimeSpan MaxLearnedLatency { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Reply latencies lose half their weight in the delays the planner draws after this long, so the stand-in follows
    /// the mentor's current pace rather than last year's. Zero: every latency weighs the same.
    /// </summary>
    public TimeSpan LatencyHalfLife { get; set; } = TimeSpan.FromDays(60);

    /// <summary>
    /// How long an instance keeps the organisation's week (every mentor's hours summed, the prior of each mentor's
    /// active hours) before reading it again.
    /// </summary>
    public TimeSpan OrganisationActivityRefresh { get; set; } = TimeSpan.FromHours(1);
}
