using MentorLab.Cli;

namespace MentorLab.Attribution;

/// <summary>The attribution verb's settings, read from the command line.</summary>
public sealed record AttributionOptions(
    string Input,
    int MinMessages,
    double TrainShare,
    int[] WindowTokens,
    int MostFrequentWords,
    string? JsonPath,
    string? HtmlPath)
{
    public const string Usage = """
          --input PATH        a Zulip export: a JSON file or a folder of them (required)
          --min-messages N    authors with at least N messages take part (default 100)
          --train SHARE       the earliest SHARE of each author's messages train, the rest is held out (default 0.8)
          --windows A,B,C     held-out windows of consecutive messages of at least this many whitespace tokens (default 40,100,200)
          --mfw N             Cosine Delta's most frequent words (default 300)
          --json PATH         write the results as JSON
          --html PATH         write an HTML report (accuracy by window size, the busiest author's week)
        """;

    public static AttributionOptions Read(LabArguments a)
    {
        var options = new AttributionOptions(
            a.RequiredString("input"),
            a.Int("min-messages", 100, 2, 10_000_000),
            a.Double("train", 0.8, 0.05, 0.95),
            a.IntList("windows", [40, 100, 200], 1, 100_000),
            a.Int("mfw", 300, 1, 100_000),
            a.String("json"),
            a.String("html"));
        a.EnsureAllUsed();
        return options;
    }
}
