using System.Text.Json.Serialization;

namespace MentorLab.Attribution;

/// <summary>Accuracy at one window size: share of windows whose author ranks first (top-1) or in the first five.</summary>
public sealed record WindowAccuracy(
    int MinTokens,
    int Windows,
    double MeanTokens,
    double ProfileTop1,
    double ProfileTop5,
    double DeltaTop1,
    double DeltaTop5,
    double ChanceTop1,
    double ChanceTop5);

public sealed record AuthorRow(long Id, string Name, int TrainMessages, int TestMessages, int StoredBytes);

public sealed record SizeSummary(int Min, int Median, int P90, int Max, double Mean);

public sealed record AttributionResult(
    int Messages,
    int Senders,
    int MinMessages,
    double TrainShare,
    int MostFrequentWords,
    IReadOnlyList<AuthorRow> Authors,
    IReadOnlyList<WindowAccuracy> Accuracy,
    SizeSummary StoredBytes,
    long HeatmapAuthorId,
    string HeatmapAuthorName,
    IReadOnlyList<double> HeatmapShares);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AttributionResult))]
internal sealed partial class AttributionJsonContext : JsonSerializerContext;
