namespace MentorFunctions.Core.Conversations;

/// <summary>
/// How steps failing with <see cref="TransientStepException"/> are retried, on both runtimes: exponential backoff from
/// <see cref="FirstRetryInterval"/>, capped at <see cref="MaxRetryInterval"/>, never sooner than the server's RetryAfter.
/// </summary>
public sealed record StepRetryPolicy(
    int MaxAttempts,
    TimeSpan FirstRetryInterval,
    double BackoffCoefficient,
    TimeSpan MaxRetryInterval)
{
    public static StepRetryPolicy Default { get; } =
        new(MaxAttempts: 5, FirstRetryInterval: TimeSpan.FromSeconds(5), BackoffCoefficient: 2, MaxRetryInterval: TimeSpan.FromMinutes(5));

    /// <summary>
    /// The wait before attempt <paramref name="failedAttempt"/> + 1, or null when no retry is left.
    /// A RetryAfter hint is honoured up to twice <see cref="MaxRetryInterval"/>, so a bogus hint cannot park a step for days.
    /// </summary>
    public TimeSpan? DelayAfter(int failedAttempt, TimeSpan? retryAfter)
    {
        if (failedAttempt >= MaxAttempts)
            return null;
        var backoff = FirstRetryInterval.TotalSeconds * Math.Pow(BackoffCoefficient, Math.Max(0, failedAttempt - 1));
        var seconds = Math.Min(backoff, MaxRetryInterval.TotalSeconds);
        if (retryAfter is { } hint && hint > TimeSpan.Zero)
            seconds = Math.Max(seconds, Math.Min(hint.TotalSeconds, 2 * MaxRetryInterval.TotalSeconds));
        return TimeSpan.FromSeconds(seconds);
    }
}
