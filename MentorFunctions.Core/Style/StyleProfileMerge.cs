namespace MentorFunctions.Core.Style;

/// <summary>
/// Combines two profiles of one mentor learned from disjoint messages (a history imported from the mentor's own Zulip
/// account and what the bot learned live), so the result is what learning both sets into one profile gives:
/// <list type="bullet">
/// <item>counts, traits and every histogram (lengths, typography, function words, activity, latency bins) add;</item>
/// <item>running statistics combine exactly (<see cref="RunningStat.Combine"/>, Chan et al.);</item>
/// <item>the decayed latency histogram is decayed to the later reference time, then added (exact for any order);</item>
/// <item>the top-k sketches merge as mergeable summaries (<see cref="SpaceSavingSketch.Merge"/>, which states the error
/// bound): equal to one sketch over both streams while nothing overflowed, within the bound when something did;</item>
/// <item>exemplars: the newest (by <see cref="Exemplar.At"/>) of both sets that are still typical of the merged centroid,
/// at most <see cref="StyleProfile.MaxExemplars"/>, as live learning would have them.</item>
/// </list>
/// The latency half-life must be the one the profiles are learned with (StyleOptions.LatencyHalfLife).
/// </summary>
public static class StyleProfileMerge
{
    public static void Merge(StyleProfile into, StyleProfile from, TimeSpan latencyHalfLife)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentNullException.ThrowIfNull(from);
        if (ReferenceEquals(into, from)) throw new ArgumentException("A profile cannot be merged with itself.", nameof(from));

        into.Messages += from.Messages;
        into.Chars = RunningStat.Combine(into.Chars, from.Chars);
        into.Words = RunningStat.Combine(into.Words, from.Words);
        into.Sentences = RunningStat.Combine(into.Sentences, from.Sentences);
        into.Formality = RunningStat.Combine(into.Formality, from.Formality);
        into.Emoji = RunningStat.Combine(into.Emoji, from.Emoji);
        into.LogLatency = RunningStat.Combine(into.LogLatency, from.LogLatency);

        into.Questions += from.Questions;
        into.Exclamations += from.Exclamations;
        into.Markdown += from.Markdown;
        into.Code += from.Code;
        into.Lists += from.Lists;
        into.Links += from.Links;
        into.Quotes += from.Quotes;
        into.Greetings += from.Greetings;
        into.SignOffs += from.SignOffs;
        into.ContractionMessages += from.ContractionMessages;
        into.LowerCaseStarts += from.LowerCaseStarts;
        into.EmojiMessages += from.EmojiMessages;
        into.TotalWords += from.TotalWords;
        into.TextChars += from.TextChars;

        Add(into.FunctionWordCounts, from.FunctionWordCounts);
        Add(into.Marks, from.Marks);
        Add(into.WordLengths, from.WordLengths);
        Add(into.SentenceLengths, from.SentenceLengths);
        Add(into.MessageLengths, from.MessageLengths);
        Add(into.LatencyBins, from.LatencyBins);
        Add(into.Activity, from.Activity);
        Add(into.ActiveHours, from.ActiveHours);
        into.LastActiveHour = Math.Max(into.LastActiveHour, from.LastActiveHour);
        into.ActiveHoursFromMessages |= from.ActiveHoursFromMessages;
        for (var i = 0; i < into.ExemplarAxes.Length; i++)
            into.ExemplarAxes[i] = RunningStat.Combine(into.ExemplarAxes[i], from.ExemplarAxes[i]);
        into.RecentLatency.Merge(from.RecentLatency, latencyHalfLife);

        into.TopWords.Merge(from.TopWords);
        into.Phrases.Merge(from.Phrases);
        into.Openers.Merge(from.Openers);
        into.Closers.Merge(from.Closers);
        into.EmojiUse.Merge(from.EmojiUse);

        MergeExemplars(into, from);
    }

    private static void MergeExemplars(StyleProfile into, StyleProfile from)
    {
        // One entry per text, at its latest time; the newest first (an exemplar stored before times were kept counts as
        // the oldest), ties in the order the profiles were given, this one first.
        var byText = new Dictionary<string, Exemplar>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var e in into.Exemplars.Concat(from.Exemplars))
        {
            if (byText.TryGetValue(e.Text, out var seen))
            {
                if (e.At is { } at && (seen.At is null || at > seen.At)) byText[e.Text] = seen with { At = at };
                continue;
            }
            byText[e.Text] = e;
            order.Add(e.Text);
        }
        // As in live learning: once the centroid has settled, only typical exemplars are shown.
        var settled = into.ExemplarAxes[0].Count >= 20;
        var kept = order.Select(t => byText[t])
            .Where(e => !settled || ExemplarSelection.DistanceToCentroid(e.Axes, into.ExemplarAxes) <= ExemplarSelection.MaxTypicalDistance)
            .OrderByDescending(e => e.At ?? DateTimeOffset.MinValue)
            .Take(StyleProfile.MaxExemplars)
            .ToList();
        into.Exemplars.Clear();
        into.Exemplars.AddRange(kept);
    }

    private static void Add(long[] into, long[] from)
    {
        for (var i = 0; i < into.Length && i < from.Length; i++) into[i] += from[i];
    }
}
