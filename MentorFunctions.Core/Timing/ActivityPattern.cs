namespace MentorFunctions.Core.Timing;

/// <summary>
/// A mentor's messages by hour of week turned into shares the planner and descriptions can trust. Raw counts of a few
/// dozen messages put zeros in most of the 168 hours and spikes in a few, so they are smoothed: each hour shares with its
/// neighbours, and a prior built from the mentor's own hour-of-day pattern (pooled over the week's days) holds the
/// weight of <see cref="PriorMessages"/> messages — the habit "answers in the mornings" carries to days not yet seen.
/// </summary>
public static class ActivityPattern
{
    public const int Hours = 168;

    /// <summary>Pseudo-messages of the hour-of-day prior against the mentor's own hour-of-week counts.</summary>
    public const double PriorMessages = 40;

    /// <summary>Shares summing to 1, or an empty array when <paramref name="counts"/> holds nothing.</summary>
    public static double[] Smoothed(ReadOnlySpan<long> counts)
    {
        if (counts.Length != Hours) throw new ArgumentException($"Expected {Hours} hour-of-week counts.", nameof(counts));
        double total = 0;
        Span<double> hourOfDay = stackalloc double[24];
        for (var h = 0; h < Hours; h++)
        {
            total += counts[h];
            hourOfDay[h % 24] += counts[h];
        }
        if (total <= 0) return [];
        var shares = new double[Hours];
        for (var h = 0; h < Hours; h++)
        {
            // Neighbouring hours, on a circular week; the pooled hour-of-day pattern, spread over the 7 days.
            var own = 0.5 * counts[h] + 0.25 * counts[(h + Hours - 1) % Hours] + 0.25 * counts[(h + 1) % Hours];
            var daily = 0.5 * hourOfDay[h % 24] + 0.25 * hourOfDay[(h + 23) % 24] + 0.25 * hourOfDay[(h + 1) % 24];
            shares[h] = (own + PriorMessages * daily / 7 / total) / (total + PriorMessages);
        }
        return shares;
    }
}
