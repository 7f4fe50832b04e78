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
}
