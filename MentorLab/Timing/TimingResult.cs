using System.Text.Json.Serialization;

namespace MentorLab.Timing;

/// <summary>
/// One author: held-out real reply gaps against the delays the production planner draws for the same student messages,
/// under production's MaxDelay ("Production") and with MaxDelay at the learning cap ("Unclamped").
/// </summary>
public sealed record AuthorTiming(
    long Id,
    string Name,
    int TrainGaps,
    int TestGaps,
    double RealMedianSeconds,
    double DrawnMedianSeconds,
    double MedianRatio,
    double D,
    double P,
    bool Passes,
    double UnclampedMedianSeconds,
    double UnclampedD,
    double UnclampedP,
    bool UnclampedPasses,
    double LearnedTop24,
    double LearnedTop48,
    double RawTop24,
    double PopulationTop24,
    double PopulationTop48,
    [property: JsonIgnore] IReadOnlyList<double> RealGaps,
    [property: JsonIgnore] IReadOnlyList<double> DrawnGaps,
    [property: JsonIgnore] IReadOnlyList<double> UnclampedGaps);

/// <summary>Averages over the authors: KS pass rates, the median of median ratios, active-hours capture.</summary>
public sealed record TimingSummary(
    int Authors,
    double PassRate,
    double UnclampedPassRate,
    double MedianOfMedianRatios,
    double UnclampedMedianOfMedianRatios,
    double LearnedTop24,
    double LearnedTop48,
    double RawTop24,
    double PopulationTop24,
    double PopulationTop48);

public sealed record TimingResult(
    int Messages,
    int Senders,
    int TimestampResolutionSeconds,
    double TrainShare,
    double MaxLearnedLatencyHours,
    double HalfLifeDays,
    double MaxDelayMinutes,
    IReadOnlyList<AuthorTiming> Authors,
    TimingSummary Summary,
    long HeatmapAuthorId,
    string HeatmapAuthorName,
    IReadOnlyList<double> HeatmapShares);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(TimingResult))]
internal sealed partial class TimingJsonContext : JsonSerializerContext;
