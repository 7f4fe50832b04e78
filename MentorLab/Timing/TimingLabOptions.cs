using MentorFunctions.Core.Style;
using MentorFunctions.Core.Timing;
using MentorLab.Cli;

namespace MentorLab.Timing;

/// <summary>The timing verb's settings, read from the command line; the defaults are production's.</summary>
public sealed record TimingLabOptions(
    string Input,
    int MinMessages,
    int MinGaps,
    double TrainShare,
    TimeSpan MaxLearnedLatency,
    TimeSpan HalfLife,
    TimeSpan MaxDelay,
    int PlotAuthors,
    string? JsonPath,
    string? HtmlPath)
{
    public const string Usage = """
          --input PATH            a Zulip export: a JSON file or a folder of them (required)
          --min-messages N        authors with at least N messages take part (default 100)
          --min-gaps N            ... and at least N held-out reply gaps (default 10)
          --train SHARE           the earliest SHARE of each author's messages train, the rest is held out (default 0.8)
          --max-latency-hours H   longest gap learned and compared as a reply (default: production's Style:MaxLearnedLatency, 24)
          --half-life-days D      recency half-life of learned latencies (default: production's Style:LatencyHalfLife, 60; 0 = none)
          --max-delay-minutes M   the planner's Timing:MaxDelay for the "production" columns (default: production's, 30)
          --plot-authors N        latency CDF plots for the N authors with the most held-out gaps (default 8)
          --json PATH             write the results as JSON
          --html PATH             write an HTML report (real vs drawn latency CDFs, pass rates, a week heatmap)
        """;

    public static TimingLabOptions Read(LabArguments a)
    {
        var style = new StyleOptions();
        var timing = new TimingOptions();
        var options = new TimingLabOptions(
            a.RequiredString("input"),
            a.Int("min-messages", 100, 2, 10_000_000),
            a.Int("min-gaps", 10, 2, 10_000_000),
            a.Double("train", 0.8, 0.05, 0.95),
            TimeSpan.FromHours(a.Double("max-latency-hours", style.MaxLearnedLatency.TotalHours, 0.01, 24 * 365)),
            TimeSpan.FromDays(a.Double("half-life-days", style.LatencyHalfLife.TotalDays, 0, 36_500)),
            TimeSpan.FromMinutes(a.Double("max-delay-minutes", timing.MaxDelay.TotalMinutes, 0.2, 60 * 24 * 365)),
            a.Int("plot-authors", 8, 0, 100),
            a.String("json"),
            a.String("html"));
        a.EnsureAllUsed();
        return options;
    }
}
