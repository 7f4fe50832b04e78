namespace MentorFunctions.Core.Style;

/// <summary>
/// Sanity checks for a profile that arrives from outside (an import): everything learning can produce is accepted, and
/// what it cannot (negative counts, statistics over more messages than seen, non-finite values) is refused, so a damaged
/// upload cannot spoil a stored profile it would be merged into. Sums are checked as "at most": a profile of an older
/// format lacks some of the newer statistics.
/// </summary>
public static class StyleProfileChecks
{
    /// <summary>The first problem found, or null.</summary>
    public static string? Problem(StyleProfile p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Messages < 0) return "has a negative message count.";
        foreach (var (name, stat) in new[] { ("chars", p.Chars), ("words", p.Words), ("sentences", p.Sentences), ("formality", p.Formality), ("emoji", p.Emoji) })
            if (stat.Count > p.Messages || !Finite(stat)) return $"has {name} statistics that do not match its {p.Messages} messages.";
        if (p.LogLatency.Count < 0 || p.LogLatency.Count > p.Messages || !Finite(p.LogLatency)) return "has latency statistics out of range.";
        foreach (var axis in p.ExemplarAxes)
            if (axis.Count > p.Messages || !Finite(axis)) return "has exemplar axes that do not match its messages.";
        long[] traits = [p.Questions, p.Exclamations, p.Markdown, p.Code, p.Lists, p.Links, p.Quotes, p.Greetings, p.SignOffs, p.ContractionMessages, p.LowerCaseStarts, p.EmojiMessages];
        if (traits.Any(t => t < 0 || t > p.Messages)) return "has trait counts out of range.";
        if (p.TotalWords < 0 || p.TextChars < 0) return "has negative word or character totals.";
        foreach (var counts in new[] { p.FunctionWordCounts, p.Marks, p.WordLengths, p.SentenceLengths, p.MessageLengths, p.LatencyBins, p.Activity, p.ActiveHours })
            if (counts.Any(c => c < 0)) return "has negative counts.";
        if (p.MessageLengths.Sum() > p.Messages || p.Activity.Sum() > p.Messages || p.ActiveHours.Sum() > p.Activity.Sum()) return "has histograms that do not add up to its messages.";
        if (p.LatencyBins.Sum() > p.LogLatency.Count) return "has a latency histogram that does not match its latency statistics.";
        if (p.RecentLatency.Weights.Any(w => !double.IsFinite(w) || w < 0)) return "has recent-latency weights out of range.";
        return null;
    }

    private static bool Finite(in RunningStat s) => s.Count >= 0 && double.IsFinite(s.Mean) && double.IsFinite(s.M2) && s.M2 >= 0;
}
