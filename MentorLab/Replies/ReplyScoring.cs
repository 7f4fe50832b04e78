using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorLab.Attribution;
using MentorLab.Statistics;

namespace MentorLab.Replies;

/// <summary>
/// Scores a mentor's AI replies against their real held-out replies with the measures the rest of mentor-lab uses:
/// attribution against every candidate's training profile (the stored style profile and Cosine Delta), the
/// production feature extractor's lengths and a punctuation rate (two-sample KS), and the rates of the mentor's
/// signature phrases, openers, sign-offs and emoji.
/// </summary>
public static class ReplyScoring
{
    public static AttributionFigures Attribute(int mentor, IReadOnlyList<string> ai, IReadOnlyList<string> real,
        ProfileAttribution byProfile, CosineDelta delta, int candidates)
    {
        double Top1(IReadOnlyList<string> texts, Func<IReadOnlyList<string>, int> rank) =>
            texts.Count == 0 ? double.NaN : texts.Count(t => rank([t]) == 1) / (double)texts.Count;
        int ProfileRank(IReadOnlyList<string> texts) => VectorMath.Rank(byProfile.Distances(Learned(texts)), mentor);
        int DeltaRank(IReadOnlyList<string> texts) => VectorMath.Rank(delta.Distances(texts), mentor);
        return new AttributionFigures(
            Top1(ai, ProfileRank), Top1(real, ProfileRank), Top1(ai, DeltaRank), Top1(real, DeltaRank), 1.0 / candidates,
            ai.Count == 0 ? 0 : ProfileRank(ai), real.Count == 0 ? 0 : ProfileRank(real),
            ai.Count == 0 ? 0 : DeltaRank(ai), real.Count == 0 ? 0 : DeltaRank(real));
    }

    /// <summary>The texts' own profile as the store would hold it (learned, encoded, decoded), for attribution.</summary>
    private static StyleProfile Learned(IReadOnlyList<string> texts)
    {
        var profile = new StyleProfile();
        foreach (var t in texts) StyleLearner.Learn(t, DateTimeOffset.UnixEpoch, profile);
        return ProfileCodec.Deserialize(ProfileCodec.Serialize(profile)).Profile;
    }

    public static IReadOnlyList<DistributionFigures> Distributions(IReadOnlyList<string> ai, IReadOnlyList<string> real)
    {
        var a = ai.Select(Measure).ToList();
        var r = real.Select(Measure).ToList();
        return
        [
            Compare("chars", a.Select(x => x.Chars).ToList(), r.Select(x => x.Chars).ToList()),
            Compare("words", a.Select(x => x.Words).ToList(), r.Select(x => x.Words).ToList()),
            Compare("punctuation per 100 chars", a.Select(x => x.Punctuation).ToList(), r.Select(x => x.Punctuation).ToList()),
        ];
    }

    /// <summary>Characters and words as the production extractor counts them; punctuation marks per 100 characters.</summary>
    public static (double Chars, double Words, double Punctuation) Measure(string text)
    {
        var f = MessageFeatureExtractor.Extract(text);
        var marks = text.Count(char.IsPunctuation);
        return (f.Chars, f.Words, f.Chars == 0 ? 0 : 100.0 * marks / f.Chars);
    }

    private static DistributionFigures Compare(string measure, List<double> ai, List<double> real)
    {
        if (ai.Count == 0 || real.Count == 0) return new DistributionFigures(measure, Median(ai), Median(real), double.NaN, double.NaN);
        var (d, p) = KolmogorovSmirnov.TwoSample(ai, real);
        return new DistributionFigures(measure, Median(ai), Median(real), d, p);
    }

    /// <summary>
    /// The signature items the prompt draws from the training profile (as <see cref="StyleBlend"/> picks them: at least
    /// twice, in at least 2% of messages, the most used first), with their rate in each set of replies, counted exactly.
    /// </summary>
    public static IReadOnlyList<SignatureUse> Signatures(StyleProfile training, IReadOnlyList<string> ai, IReadOnlyList<string> real, bool includeText)
    {
        var aiCounts = Count(ai);
        var realCounts = Count(real);
        var result = new List<SignatureUse>();
        void Add(string kind, SpaceSavingSketch sketch, int max, long minGuaranteed, Dictionary<ulong, int> aiOf, Dictionary<ulong, int> realOf)
        {
            var picked = sketch.Entries()
                .Where(e => e.GuaranteedCount >= minGuaranteed && (double)e.GuaranteedCount / Math.Max(1, training.Messages) >= 0.02)
                .OrderByDescending(e => e.GuaranteedCount).ThenBy(e => e.Text, StringComparer.Ordinal).Take(max).ToList();
            for (var i = 0; i < picked.Count; i++)
            {
                var e = picked[i];
                var trainingRate = (double)e.GuaranteedCount / training.Messages;
                var aiRate = ai.Count == 0 ? double.NaN : aiOf.GetValueOrDefault(e.Key) / (double)ai.Count;
                var realRate = real.Count == 0 ? double.NaN : realOf.GetValueOrDefault(e.Key) / (double)real.Count;
                result.Add(new SignatureUse(kind, i + 1, includeText ? e.Text : null, trainingRate, realRate, aiRate, aiRate / trainingRate));
            }
        }
        Add("phrase", training.Phrases, StyleBlend.MaxPhrases, 2, aiCounts.Phrases, realCounts.Phrases);
        Add("opener", training.Openers, StyleBlend.MaxOpeners, 2, aiCounts.Openers, realCounts.Openers);
        Add("sign-off", training.Closers, StyleBlend.MaxSignOffs, 2, aiCounts.Closers, realCounts.Closers);
        Add("emoji", training.EmojiUse, StyleBlend.MaxEmoji, 1, aiCounts.Emoji, realCounts.Emoji);
        return result;
    }

    /// <summary>AI uses of all signature items per message over the training rate: above 1, the imitation overdoes them.</summary>
    public static double SignatureRateRatio(IReadOnlyList<SignatureUse> uses)
    {
        var training = uses.Sum(u => u.TrainingRate);
        return training > 0 && uses.All(u => double.IsFinite(u.AiRate)) ? uses.Sum(u => u.AiRate) / training : double.NaN;
    }

    public static EmojiFigures Emoji(StyleProfile training, IReadOnlyList<string> ai, IReadOnlyList<string> real)
    {
        double PerMessage(IReadOnlyList<string> texts) => texts.Count == 0 ? double.NaN : texts.Average(t => (double)MessageFeatureExtractor.Extract(t).Emoji);
        var trained = training.Emoji.Mean;
        var aiRate = PerMessage(ai);
        return new EmojiFigures(trained, PerMessage(real), aiRate, trained > 0 ? aiRate / trained : double.NaN);
    }

    private sealed record Counts(Dictionary<ulong, int> Phrases, Dictionary<ulong, int> Openers, Dictionary<ulong, int> Closers, Dictionary<ulong, int> Emoji);

    /// <summary>Exact counts of every phrase, opener, sign-off and emoji the production extractor reports in the texts.</summary>
    private static Counts Count(IReadOnlyList<string> texts)
    {
        var sink = new CountingSink(new Counts([], [], [], []));
        foreach (var t in texts) MessageFeatureExtractor.Extract(t, ref sink);
        return sink.Counts;
    }

    private readonly struct CountingSink(Counts counts) : IMessageTokenSink
    {
        public Counts Counts { get; } = counts;
        public void Phrase(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) => Counts.Phrases[hash] = Counts.Phrases.GetValueOrDefault(hash) + 1;
        public void Opener(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) => Counts.Openers[hash] = Counts.Openers.GetValueOrDefault(hash) + 1;
        public void Closer(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) => Counts.Closers[hash] = Counts.Closers.GetValueOrDefault(hash) + 1;
        public void Emoji(ulong hash, ReadOnlySpan<char> emoji) => Counts.Emoji[hash] = Counts.Emoji.GetValueOrDefault(hash) + 1;
        public void Word(ulong hash, ReadOnlySpan<char> word) { }
    }

    public static double Median(IReadOnlyList<double> values) => Quantile(values, 0.5);

    /// <summary>Linear interpolation between order statistics (R's type 7); NaN for no values.</summary>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(sorted.Length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
