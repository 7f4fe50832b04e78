namespace MentorFunctions.Core.Timing;

/// <summary>
/// What the delay planner knows of a mentor's timing, as Style blends it from pair, mentor and prior.
/// Latency is log-normal: <paramref name="LogMeanSeconds"/> and <paramref name="LogStdDevSeconds"/> are the mean and
/// standard deviation of ln(seconds). <paramref name="ActivityByHourOfWeek"/> has 168 weights (hour 0 = Monday 00:00 UTC),
/// summing to 1, or is empty when nothing is known. <paramref name="TypicalReplyChars"/> feeds the typing time.
/// </summary>
public sealed record TimingSnapshot(
    double LogMeanSeconds,
    double LogStdDevSeconds,
    long LatencySamples,
    IReadOnlyList<double> ActivityByHourOfWeek,
    double TypicalReplyChars);
