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
    double PopulationTop48)
{
    /// <summary>Active-hours capture over every author with enough messages, whether or not they have held-out reply gaps.</summary>
    public ActiveHoursSummary? ActiveHours { get; init; }
}

/// <summary>
/// Share of held-out messages in an author's top-24 (top-48) hours of the week, averaged over authors: as production
/// learns them (with the organisation's pattern in the prior), with the author's own habit as the only prior, the raw
/// counts, and the organisation's pattern alone; and the concentration (pseudo-messages) the organisation's prior was given.
/// </summary>
public sealed record ActiveHoursSummary(int Authors, double LearnedTop24, double LearnedTop48, double OwnOnlyTop24, double RawTop24,
    double PopulationTop24, double PopulationTop48, double Concentration);

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
