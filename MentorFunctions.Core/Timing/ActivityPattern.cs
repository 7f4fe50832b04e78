namespace MentorFunctions.Core.Timing;

/// <summary>
/// The programme's week: every mentor's messages by hour of week, summed and smoothed, and how much a mentor's own few
/// messages should lean on it (<see cref="Concentration"/>, in pseudo-messages), estimated from the mentors themselves.
/// </summary>
public sealed record OrganisationWeek(double[] Shares, double Concentration, int Mentors)
{
    public static OrganisationWeek None { get; } = new([], 0, 0);

    public bool IsKnown => Shares.Length == ActivityPattern.Hours && Concentration > 0;
}

/// <summary>
/// A mentor's messages by hour of week turned into shares the planner and descriptions can trust. Raw counts of a few
/// dozen messages put zeros in most of the 168 hours and spikes in a few, so they are smoothed: each hour shares with its
/// neighbours, and the mentor's own hour-of-day habit pooled over the week's days holds the weight of
/// <see cref="PriorMessages"/> messages ("answers in the mornings" carries to days not yet seen). That pattern is then
/// shrunk towards the programme's week (<see cref="OrganisationWeek"/>) as a Dirichlet prior would: with n messages of
/// their own against a concentration of α, the mentor's pattern weighs n / (n + α). α is chosen by the mentors' data
/// (<see cref="Organisation"/>): large where mentors keep the same hours (one time zone, one timetable), small where
/// they do not, so neither a programme's shared week nor a mentor's own odd hours is thrown away.
/// </summary>
public static class ActivityPattern
{
    public const int Hours = 168;

    /// <summary>Pseudo-messages of the own hour-of-day habit against the mentor's own hour-of-week counts.</summary>
    public const double PriorMessages = 40;

    /// <summary>The concentration used while too few mentors have written to estimate it.</summary>
    public const double DefaultConcentration = 40;

    /// <summary>Mentors with messages needed before the concentration is estimated from them.</summary>
    public const int MentorsToEstimate = 3;

    // Candidate concentrations: 1 to 8,192 pseudo-messages, in steps of √2.
    private static readonly double[] Candidates = Enumerable.Range(0, 27).Select(k => Math.Pow(2, k / 2.0)).ToArray();

    /// <summary>Shares summing to 1, or an empty array when <paramref name="counts"/> holds nothing.</summary>
    /// <param name="organisation">The programme's week, or null (or unknown) for the mentor's own habit alone.</param>
    public static double[] Smoothed(ReadOnlySpan<long> counts, OrganisationWeek? organisation = null)
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
        if (organisation is { IsKnown: true } week)
        {
            var alpha = week.Concentration;
            for (var h = 0; h < Hours; h++)
                shares[h] = (total * shares[h] + alpha * week.Shares[h]) / (total + alpha);
        }
        return shares;
    }

    /// <summary>
    /// The programme's week from each mentor's hour-of-week counts: their sum with neighbouring hours shared, and the
    /// concentration that makes each mentor's counts likeliest under a Dirichlet-multinomial whose mean is the week of
    /// the <em>other</em> mentors (leave-one-out, so a mentor does not vouch for themselves); <see cref="DefaultConcentration"/>
    /// while fewer than <see cref="MentorsToEstimate"/> mentors have written hours of their own. <see cref="OrganisationWeek.None"/> when
    /// nobody has.
    /// </summary>
    public static OrganisationWeek Organisation(IReadOnlyList<long[]> mentors) =>
        Organisation(mentors.Select(m => (m, false)).ToList());

    /// <param name="mentors">Each mentor's hours, and whether they began as message counts (such a mentor's counts are in
    /// the week but not in the estimate: bursts inflate them, which would understate how alike mentors are).</param>
    public static OrganisationWeek Organisation(IReadOnlyList<(long[] Hours, bool FromMessages)> mentors)
    {
        ArgumentNullException.ThrowIfNull(mentors);
        var sum = new long[Hours];
        var writing = new List<(long[] Hours, bool FromMessages)>();
        foreach (var mentor in mentors)
        {
            var counts = mentor.Hours;
            if (counts.Length != Hours) throw new ArgumentException($"Expected {Hours} hour-of-week counts per mentor.", nameof(mentors));
            if (!counts.AsSpan().ContainsAnyExcept(0L)) continue;
            writing.Add(mentor);
            for (var h = 0; h < Hours; h++) sum[h] += counts[h];
        }
        var shares = Shares(sum);
        if (shares.Length == 0) return OrganisationWeek.None;
        var estimable = writing.Where(m => !m.FromMessages).Select(m => m.Hours).ToList();
        if (estimable.Count < MentorsToEstimate) return new OrganisationWeek(shares, DefaultConcentration, writing.Count);

        var scores = new double[Candidates.Length];
        var others = new long[Hours];
        foreach (var counts in estimable)
        {
            for (var h = 0; h < Hours; h++) others[h] = sum[h] - counts[h];
            var mean = Shares(others);
            if (mean.Length == 0) continue;
            long n = 0;
            foreach (var c in counts) n += c;
            for (var k = 0; k < Candidates.Length; k++)
            {
                var alpha = Candidates[k];
                var score = LogGamma(alpha) - LogGamma(n + alpha);
                for (var h = 0; h < Hours; h++)
                {
                    if (counts[h] == 0) continue; // the term is zero
                    // A floor of 1% spread evenly: no hour of the week is impossible for anyone.
                    var a = alpha * (0.99 * mean[h] + 0.01 / Hours);
                    score += LogGamma(counts[h] + a) - LogGamma(a);
                }
                scores[k] += score;
            }
        }
        var best = 0;
        for (var k = 1; k < scores.Length; k++) if (scores[k] > scores[best]) best = k;
        return new OrganisationWeek(shares, Candidates[best], writing.Count);
    }

    /// <summary>Summed counts as shares, each hour sharing with its neighbours; empty when nothing was counted.</summary>
    public static double[] Shares(ReadOnlySpan<long> summedCounts)
    {
        if (summedCounts.Length != Hours) throw new ArgumentException($"Expected {Hours} hour-of-week counts.", nameof(summedCounts));
        double total = 0;
        foreach (var c in summedCounts) total += c;
        if (total <= 0) return [];
        var shares = new double[Hours];
        for (var h = 0; h < Hours; h++)
            shares[h] = (0.5 * summedCounts[h] + 0.25 * summedCounts[(h + Hours - 1) % Hours] + 0.25 * summedCounts[(h + 1) % Hours]) / total;
        return shares;
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, nine terms: about 14 significant digits).</summary>
    internal static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        x -= 1;
        var a = 0.99999999999980993;
        var t = x + 7.5;
        ReadOnlySpan<double> c =
        [
            676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        for (var i = 0; i < c.Length; i++) a += c[i] / (x + i + 1);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }
}
