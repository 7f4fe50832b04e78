using System.Text.Json;

namespace MentorFunctions.Tests.Safety;

/// <summary>One case of a distress corpus (TestData/Safety/distress.&lt;lang&gt;.jsonl), written for this project.</summary>
public sealed record DistressCase(string Text, bool Distress, string? Kind);

public static class DistressCorpus
{
    public static readonly string[] Languages = ["en", "es", "pt", "fr", "de"];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<DistressCase> Load(string language) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Safety", $"distress.{language}.jsonl"))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<DistressCase>(line, Json)!)
            .ToList();
}
