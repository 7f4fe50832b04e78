namespace MentorFunctions.Core.Timing;

/// <summary>
/// What the delay planner knows of a mentor's timing, as Style blends it from pair, mentor and prior.
/// <paramref name="LogMeanSeconds"/> and <paramref name="LogStdDevSeconds"/> summarise ln(seconds) of the reply latency
/// (a log-normal fit, for descriptions and as the fallback). <paramref name="ActivityByHourOfWeek"/> has 168 weights
/// (hour 0 = Monday 00:00 UTC), summing to 1, or is empty when nothing is known. <paramref name="TypicalReplyChars"/>
/// sets the typing floor.
/// </summary>
public sealed record TimingSnapshot(
    double LogMeanSeconds,
    double LogStdDevSeconds,
    long LatencySamples,
    IReadOnlyList<double> ActivityByHourOfWeek,
    double TypicalReplyChars)
{
    /// <summary>
    /// The latency distribution the planner draws from: shares of the <see cref="Style.LatencyHistogram"/> bins summing
    /// to 1 (the pair's and mentor's recency-weighted histograms, smoothed, blended with the prior), or empty when only
    /// the log-normal is known.
    /// </summary>
    public IReadOnlyList<double> LatencyShares { get; init; } = [];
}
