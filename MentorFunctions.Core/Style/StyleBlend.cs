using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Timing;

namespace MentorFunctions.Core.Style;

/// <summary>
/// Reads profiles into a <see cref="StyleSnapshot"/>: the pair's profile weighted by its message count against the
/// mentor's, and the mentor's against the prior, so a new pair speaks like the mentor and a new mentor like the prior.
/// </summary>
public static class StyleBlend
{
    public const int MaxPhrases = 8;
    public const int MaxOpeners = 4;
    public const int MaxSignOffs = 4;
    public const int MaxEmoji = 5;
    private const double MinPhraseRate = 0.02;

    /// <param name="exemplarsFromPairOnly">For a reply's prompt: exemplars only from this pair's own conversation. The
    /// mentor-wide exemplars are messages to other students, and a student could ask the model to repeat its "examples".</param>
    public static StyleSnapshot Read(long mentorId, StyleProfile? mentor, StyleProfile? pair, StylePrior? prior = null, bool exemplarsFromPairOnly = false,
        Timing.OrganisationWeek? organisationActivity = null)
    {
        prior ??= StylePrior.Default;
        var pairN = pair?.Messages ?? 0;
        var mentorN = mentor?.Messages ?? 0;
        var pairShare = pairN / (pairN + prior.PairPseudoCount);
        var mentorStrength = mentorN / (mentorN + prior.MentorPseudoCount);
        var wPair = pairShare;
        var wMentor = (1 - pairShare) * mentorStrength;
        var wPrior = 1 - wPair - wMentor;

        var chars = Mix(
            (wPair, pair?.Chars.Mean ?? 0, pair?.Chars.Variance ?? 0),
            (wMentor, mentor?.Chars.Mean ?? 0, mentor?.Chars.Variance ?? 0),
            (wPrior, prior.MeanChars, prior.StdDevChars * prior.StdDevChars));
        double Blend(Func<StyleProfile, double> of, double priorValue) =>
            wPair * (pair is null ? 0 : of(pair)) + wMentor * (mentor is null ? 0 : of(mentor)) + wPrior * priorValue;

        var dataWeight = wPair + wMentor;
        var scopes = new List<(double Weight, StyleProfile Profile)>(2);
        if (pair is { Messages: > 0 }) scopes.Add((wPair / dataWeight, pair));
        if (mentor is { Messages: > 0 }) scopes.Add((wMentor / dataWeight, mentor));

        var exemplars = new List<string>(StyleProfile.MaxExemplars);
        foreach (var (_, profile) in scopes)
        {
            if (exemplarsFromPairOnly && !ReferenceEquals(profile, pair))
                continue;
            foreach (var e in profile.Exemplars)
                if (exemplars.Count < StyleProfile.MaxExemplars && !exemplars.Contains(e.Text))
                    exemplars.Add(e.Text);
        }

        return new StyleSnapshot(
            MentorId: mentorId,
            MessagesSeen: Math.Max(mentorN, pairN),
            Confidence: wPair * (pair?.Confidence ?? 0) + wMentor * (mentor?.Confidence ?? 0),
            MeanChars: chars.Mean,
            StdDevChars: chars.StdDev,
            MeanWords: Blend(p => p.Words.Mean, prior.MeanWords),
            Formality: Blend(p => p.Formality.Mean, prior.Formality),
            EmojiPerMessage: Blend(p => p.Emoji.Mean, prior.EmojiPerMessage),
            FavouriteEmoji: Top(scopes, p => p.EmojiUse, MaxEmoji, minGuaranteed: 1).Select(u => u.Text).ToArray(),
            QuestionRate: Blend(p => p.Rate(p.Questions), prior.QuestionRate),
            ExclamationRate: Blend(p => p.Rate(p.Exclamations), prior.ExclamationRate),
            MarkdownRate: Blend(p => p.Rate(p.Markdown), prior.MarkdownRate),
            Openers: Top(scopes, p => p.Openers, MaxOpeners, minGuaranteed: 2),
            SignOffs: Top(scopes, p => p.Closers, MaxSignOffs, minGuaranteed: 2),
            Phrases: Top(scopes, p => p.Phrases, MaxPhrases, minGuaranteed: 2),
            Exemplars: exemplars,
            Timing: Timing(mentor, pair, prior, chars.Mean, organisationActivity),
            ProfileVersion: ProfileFormat.CurrentVersion)
        {
            // Habits need evidence: from the pair when it has enough text of its own, else the mentor-wide profile.
            Habits = StyleHabits.Describe(pair is { TextChars: >= 5000 } ? pair : mentor ?? pair),
        };
    }

    private static TimingSnapshot Timing(StyleProfile? mentor, StyleProfile? pair, StylePrior prior, double typicalChars, Timing.OrganisationWeek? organisation)
    {
        var pairN = pair?.LogLatency.Count ?? 0;
        var mentorN = mentor?.LogLatency.Count ?? 0;
        var wPair = pairN / (pairN + prior.PairLatencyPseudoCount);
        var wMentor = (1 - wPair) * (mentorN / (mentorN + prior.LatencyPseudoCount));
        var wPrior = 1 - wPair - wMentor;
        var log = Mix(
            (wPair, pair?.LogLatency.Mean ?? 0, pair?.LogLatency.Variance ?? 0),
            (wMentor, mentor?.LogLatency.Mean ?? 0, mentor?.LogLatency.Variance ?? 0),
            (wPrior, Math.Log(prior.MedianLatencySeconds), prior.LogStdDevSeconds * prior.LogStdDevSeconds));

        // Activity: each scope's smoothed pattern, weighted like the style; empty when no message was seen.
        var pairActivity = pair?.Messages ?? 0;
        var share = pairActivity / (pairActivity + prior.PairPseudoCount);
        var activity = new double[StyleProfile.HoursPerWeek];
        var any = false;
        any |= AddShares(activity, pair is null ? [] : ActivityPattern.Smoothed(pair.ActiveHours, organisation), share);
        any |= AddShares(activity, mentor is null ? [] : ActivityPattern.Smoothed(mentor.ActiveHours, organisation), pairActivity > 0 ? 1 - share : 1);
        // A mentor nobody has seen write yet is expected when the programme is.
        if (!any && organisation is { IsKnown: true })
            any = AddShares(activity, organisation.Shares, 1);
        if (any)
        {
            var sum = activity.Sum();
            for (var i = 0; i < activity.Length; i++) activity[i] /= sum;
        }
        return new TimingSnapshot(log.Mean, log.StdDev, Math.Max(pairN, mentorN), any ? activity : [], typicalChars)
        {
            LatencyShares = LatencyShares(mentor, pair, prior),
        };
    }

    /// <summary>
    /// The distribution delays are drawn from: the pair's and the mentor's recency-weighted latency histograms, each
    /// smoothed over neighbouring bins, blended by their effective sample counts against the prior's log-normal.
    /// </summary>
    private static double[] LatencyShares(StyleProfile? mentor, StyleProfile? pair, StylePrior prior)
    {
        var pairN = pair?.RecentLatency.Total ?? 0;
        var mentorN = mentor?.RecentLatency.Total ?? 0;
        var wPair = pairN / (pairN + prior.PairLatencyPseudoCount);
        var wMentor = (1 - wPair) * (mentorN / (mentorN + prior.LatencyPseudoCount));
        var wPrior = 1 - wPair - wMentor;
        var shares = new double[LatencyHistogram.Bins];
        AddShares(shares, pair is null ? [] : SmoothedShares(pair.RecentLatency.Weights), wPair);
        AddShares(shares, mentor is null ? [] : SmoothedShares(mentor.RecentLatency.Weights), wMentor);
        AddShares(shares, LatencyHistogram.LogNormalShares(Math.Log(prior.MedianLatencySeconds), prior.LogStdDevSeconds), wPrior);
        var sum = shares.Sum();
        if (!(sum > 0)) return [];
        for (var i = 0; i < shares.Length; i++) shares[i] /= sum;
        return shares;
    }

    /// <summary>
    /// Shares of the bins, each bin lending to its neighbours: a quarter each way for a handful of samples, less as
    /// samples accumulate (the bandwidth of a kernel estimate shrinks with the data); what would leave the range stays.
    /// </summary>
    private static double[] SmoothedShares(ReadOnlySpan<double> weights)
    {
        var n = weights.Length;
        double total = 0;
        for (var i = 0; i < n; i++)
            if (weights[i] > 0 && double.IsFinite(weights[i])) total += weights[i];
        if (!(total > 0)) return [];
        var side = 0.25 * Math.Min(1, 4 / Math.Sqrt(total));
        var smoothed = new double[n];
        for (var i = 0; i < n; i++)
        {
            var w = weights[i];
            if (!(w > 0) || !double.IsFinite(w)) continue;
            smoothed[i] += (1 - 2 * side) * w;
            smoothed[i > 0 ? i - 1 : i] += side * w;
            smoothed[i < n - 1 ? i + 1 : i] += side * w;
        }
        for (var i = 0; i < n; i++) smoothed[i] /= total;
        return smoothed;
    }

    private static bool AddShares(double[] into, double[] shares, double weight)
    {
        if (shares.Length != into.Length || weight <= 0) return false;
        for (var i = 0; i < into.Length; i++) into[i] += weight * shares[i];
        return true;
    }

    /// <summary>Mean and standard deviation of a weighted mixture of distributions.</summary>
    private static (double Mean, double StdDev) Mix(params ReadOnlySpan<(double Weight, double Mean, double Variance)> parts)
    {
        double w = 0, mean = 0, second = 0;
        foreach (var (weight, m, v) in parts)
        {
            if (weight <= 0) continue;
            w += weight;
            mean += weight * m;
            second += weight * (v + m * m);
        }
        if (w <= 0) return (0, 0);
        mean /= w;
        second /= w;
        return (mean, Math.Sqrt(Math.Max(0, second - mean * mean)));
    }

    private static PhraseUse[] Top(List<(double Weight, StyleProfile Profile)> scopes, Func<StyleProfile, SpaceSavingSketch> sketch, int max, long minGuaranteed)
    {
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (weight, profile) in scopes)
        {
            foreach (var e in sketch(profile).Entries())
            {
                if (e.GuaranteedCount < minGuaranteed) continue;
                // The guaranteed count: a rate the mentor has certainly reached, never one inflated by the sketch.
                rates[e.Text] = rates.GetValueOrDefault(e.Text) + weight * e.GuaranteedCount / profile.Messages;
            }
        }
        return rates.Where(r => r.Value >= MinPhraseRate)
            .OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Take(max)
            .Select(r => new PhraseUse(r.Key, r.Value))
            .ToArray();
    }
}
