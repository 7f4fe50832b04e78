using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using Xunit.Abstractions;

namespace MentorFunctions.Tests.Style;

/// <summary>
/// A profile learned from messages A, merged with one learned from messages B, against one profile learned from A and B
/// (the batch recomputation), all through the production entry point <see cref="StyleLearner.Record"/>.
/// </summary>
public sealed class ProfileMergeTests(ITestOutputHelper output)
{
    private const long MentorId = 1;
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly StyleOptions Options = new();

    [Fact]
    public void Two_conversations_merged_equal_learning_both_in_one_profile()
    {
        var a = Conversation(studentId: 2, seed: 11, turns: 700);
        var b = Conversation(studentId: 3, seed: 12, turns: 700);

        var (mentorA, _, _) = LearnAll(a);
        var (mentorB, _, _) = LearnAll(b);
        var (batch, _, _) = LearnAll(a.Concat(b).OrderBy(m => m.Message.SentAt).ThenBy(m => m.Message.MessageId).ToList());
        var exemplarsA = mentorA.Exemplars.ToList();
        var exemplarsB = mentorB.Exemplars.ToList();
        var minA = Minimums(mentorA);
        var minB = Minimums(mentorB);
        var merged = mentorA;
        merged.Merge(mentorB, Options.LatencyHalfLife);

        Assert.True(batch.LogLatency.Count > 500, "the conversations teach latencies");
        AssertSameStatistics(batch, merged);
        var exact = AssertSketches(batch, merged, TrueCounts(a.Concat(b)), minA, minB);
        output.WriteLine($"{batch.Messages} mentor messages, {batch.LogLatency.Count} latencies; sketches equal to the batch: {string.Join(", ", exact)}");
        // Both cases are exercised: the emoji (7 kinds) never overflow, the vocabulary (20,000 words) does.
        Assert.Contains(nameof(StyleProfile.EmojiUse), exact);
        Assert.DoesNotContain(nameof(StyleProfile.TopWords), exact);

        AssertNewestTypicalExemplars(merged, exemplarsA.Concat(exemplarsB).ToList());
        // The merged profile is stored like any other, and reads back the same.
        var bytes = ProfileCodec.Serialize(merged);
        Assert.Equal(bytes, ProfileCodec.Serialize(ProfileCodec.Deserialize(bytes).Profile));
    }

    [Fact]
    public void A_history_merged_with_what_came_after_equals_learning_it_all_including_the_pair_and_its_ledger()
    {
        // One conversation split in time after a mentor's answer (nobody waiting): the older half is the imported
        // history, the newer the live learning; the decayed latency histograms are weeks apart.
        var all = Conversation(studentId: 2, seed: 21, turns: 240, mentorPool: FewPhrases);
        var split = all.FindIndex(m => m.Message.SentAt > all[all.Count / 2].Message.SentAt && m.Message.Role == ParticipantRole.Student);
        var older = all[..split];
        var newer = all[split..];

        var (mentorOld, pairOld, ledgerOld) = LearnAll(older);
        var (mentorNew, pairNew, ledgerNew) = LearnAll(newer);
        var (batchMentor, batchPair, batchLedger) = LearnAll(all);
        Assert.True(mentorNew.RecentLatency.At - mentorOld.RecentLatency.At > TimeSpan.FromDays(14));

        // Both directions: the newer merged into the older (the older decays) and the older into the newer.
        var minOld = Minimums(mentorOld);
        var minNew = Minimums(mentorNew);
        mentorOld.Merge(mentorNew, Options.LatencyHalfLife);
        pairNew.Merge(pairOld, Options.LatencyHalfLife);
        ledgerNew.Merge(ledgerOld);

        AssertSameStatistics(batchPair, pairNew);
        AssertSameStatistics(batchMentor, mentorOld);
        // A few set phrases: no sketch overflows, so every one equals the batch's exactly.
        var exact = AssertSketches(batchMentor, mentorOld, TrueCounts(all), minOld, minNew);
        output.WriteLine($"sketches equal to the batch: {string.Join(", ", exact)}; sizes {string.Join(", ", Sketches(batchMentor).Select(x => x.Count))}");
        Assert.Equal(SketchNames, exact);
        Assert.Equal(batchLedger.RecentIds, ledgerNew.RecentIds);
        Assert.Equal(batchLedger.LastMentorAt, ledgerNew.LastMentorAt);
        Assert.Equal(batchLedger.LatestUnansweredAt, ledgerNew.LatestUnansweredAt);
        Assert.Equal(batchLedger.LatestUnansweredId, ledgerNew.LatestUnansweredId);
    }

    [Fact]
    public void Overflowing_sketches_merge_within_the_documented_bound()
    {
        // Zipf-distributed keys far beyond the capacity, in two streams of different sizes.
        var random = new Random(3);
        var truth = new Dictionary<ulong, long>();
        SpaceSavingSketch Stream(int n)
        {
            var s = new SpaceSavingSketch(40, 128);
            for (var i = 0; i < n; i++)
            {
                var key = (ulong)Math.Floor(Math.Pow(5000, random.NextDouble())) * 0x9E3779B97F4A7C15UL;
                truth[key] = truth.GetValueOrDefault(key) + 1;
                s.Add(key, key.ToString());
            }
            return s;
        }
        var a = Stream(30_000);
        var b = Stream(7_000);
        var bound = MinCount(a) + MinCount(b);
        a.Merge(b);

        Assert.Equal(40, a.Count);
        foreach (var e in a.Entries())
        {
            Assert.InRange(truth[e.Key], e.GuaranteedCount, e.Count);
            Assert.InRange(e.Error, 0, bound);
        }
        var monitored = a.Entries().Select(e => e.Key).ToHashSet();
        foreach (var (key, count) in truth)
            if (!monitored.Contains(key)) Assert.True(count <= a.Filter[(int)(key & 127)], $"an unmonitored key's count {count} is above its bucket");
        // The heaviest keys are all kept.
        foreach (var (key, _) in truth.OrderByDescending(t => t.Value).Take(10)) Assert.Contains(key, monitored);
    }

    [Fact]
    public void Decayed_latencies_are_aligned_to_the_later_time_before_they_add()
    {
        var halfLife = TimeSpan.FromDays(10);
        var older = new DecayingLatencyHistogram();
        var newer = new DecayingLatencyHistogram();
        var one = new DecayingLatencyHistogram();
        older.Add(60, Start, halfLife);
        one.Add(60, Start, halfLife);
        newer.Add(3600, Start.AddDays(20), halfLife);
        one.Add(3600, Start.AddDays(20), halfLife);

        older.Merge(newer, halfLife);
        Assert.Equal(Start.AddDays(20), older.At);
        Assert.Equal(0.25, older.Weights[LatencyHistogram.Bin(60)], 12);
        Assert.Equal(1, older.Weights[LatencyHistogram.Bin(3600)], 12);
        Assert.Equal(one.Weights, older.Weights);
    }

    // --- conversations ---------------------------------------------------------------------------------------------

    private sealed record Turn(ConversationMessage Message, long StudentId);

    /// <summary>
    /// A student asks, the mentor answers after a log-normal gap (some past the 24 h cap), sometimes twice; turns a few
    /// hours to a day apart. Message ids are unique across conversations (ticks-based) and increase with time.
    /// </summary>
    private static List<Turn> Conversation(long studentId, int seed, int turns, string[]? mentorPool = null)
    {
        var random = new Random(seed);
        var synth = new MessageSynth(seed);
        string MentorText(int chars) => mentorPool is null
            ? synth.Next(chars)
            : mentorPool[random.Next(mentorPool.Length)];
        var list = new List<Turn>();
        var at = Start.AddMinutes(random.Next(60));
        long Id(DateTimeOffset t) => t.ToUnixTimeMilliseconds() * 10 + studentId;
        for (var i = 0; i < turns; i++)
        {
            var burst = 1 + random.Next(3);
            for (var s = 0; s < burst; s++)
            {
                list.Add(new Turn(new ConversationMessage(Id(at), studentId, ParticipantRole.Student, at, synth.Next(60)), studentId));
                at = at.AddSeconds(5 + random.Next(120));
            }
            var gap = Math.Exp(5 + 2.2 * Normal(random));
            at = at.AddSeconds(Math.Min(gap, 3 * 86400));
            list.Add(new Turn(new ConversationMessage(Id(at), MentorId, ParticipantRole.Mentor, at, MentorText(random.Next(3) == 0 ? 60 : 180)), studentId));
            if (random.Next(4) == 0)
            {
                at = at.AddSeconds(10 + random.Next(60));
                list.Add(new Turn(new ConversationMessage(Id(at), MentorId, ParticipantRole.Mentor, at, MentorText(40)), studentId));
            }
            at = at.AddHours(1 + random.Next(30));
        }
        return list;
    }

    /// <summary>Mentor messages with few distinct words, phrases, openers, closers and emoji (none of the sketches fills).</summary>
    private static readonly string[] FewPhrases =
        ["Sounds good to me.", "Have a look at the docs first.", "Nice work 👍", "ok, try it again", "Let me check. Thanks!", "Good question! See the docs :)"];

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Learns messages as the record step does: each pair's ledger counts a message once, then Record.</summary>
    private static (StyleProfile Mentor, StyleProfile LastPair, PairLedger LastLedger) LearnAll(IReadOnlyList<Turn> turns)
    {
        var mentor = new StyleProfile();
        var pairs = new Dictionary<long, (StyleProfile Pair, PairLedger Ledger)>();
        (StyleProfile, PairLedger) last = default;
        foreach (var t in turns)
        {
            if (!pairs.TryGetValue(t.StudentId, out var p)) pairs[t.StudentId] = p = (new StyleProfile(), new PairLedger());
            if (!p.Ledger.TryMarkCounted(t.Message.MessageId)) continue;
            StyleLearner.Record(t.Message, p.Ledger, p.Pair, t.Message.Role == ParticipantRole.Mentor ? mentor : null, Options);
            last = p;
        }
        return (mentor, last.Item1!, last.Item2!);
    }

    // --- comparisons -----------------------------------------------------------------------------------------------

    private static void AssertSameStatistics(StyleProfile expected, StyleProfile actual)
    {
        Assert.Equal(expected.Messages, actual.Messages);
        AssertStat(expected.Chars, actual.Chars);
        AssertStat(expected.Words, actual.Words);
        AssertStat(expected.Sentences, actual.Sentences);
        AssertStat(expected.Formality, actual.Formality);
        AssertStat(expected.Emoji, actual.Emoji);
        AssertStat(expected.LogLatency, actual.LogLatency);
        for (var i = 0; i < expected.ExemplarAxes.Length; i++) AssertStat(expected.ExemplarAxes[i], actual.ExemplarAxes[i]);
        long[] Traits(StyleProfile p) =>
        [
            p.Questions, p.Exclamations, p.Markdown, p.Code, p.Lists, p.Links, p.Quotes, p.Greetings, p.SignOffs,
            p.ContractionMessages, p.LowerCaseStarts, p.EmojiMessages, p.TotalWords, p.TextChars,
        ];
        Assert.Equal(Traits(expected), Traits(actual));
        Assert.Equal(expected.FunctionWordCounts, actual.FunctionWordCounts);
        Assert.Equal(expected.Marks, actual.Marks);
        Assert.Equal(expected.WordLengths, actual.WordLengths);
        Assert.Equal(expected.SentenceLengths, actual.SentenceLengths);
        Assert.Equal(expected.MessageLengths, actual.MessageLengths);
        Assert.Equal(expected.LatencyBins, actual.LatencyBins);
        Assert.Equal(expected.Activity, actual.Activity);
        Assert.Equal(expected.RecentLatency.At, actual.RecentLatency.At);
        for (var i = 0; i < LatencyHistogram.Bins; i++) AssertClose(expected.RecentLatency.Weights[i], actual.RecentLatency.Weights[i]);
    }

    private static void AssertStat(RunningStat expected, RunningStat actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        AssertClose(expected.Mean, actual.Mean);
        AssertClose(expected.M2, actual.M2);
    }

    /// <summary>Within 1e-9 relative (the rounding of a different summation order), or both within 1e-12 of zero.</summary>
    private static void AssertClose(double expected, double actual)
    {
        var scale = Math.Max(Math.Abs(expected), Math.Abs(actual));
        Assert.True(Math.Abs(expected - actual) <= Math.Max(1e-9 * scale, 1e-12), $"expected {expected:R}, got {actual:R}");
    }

    private static readonly string[] SketchNames =
        [nameof(StyleProfile.TopWords), nameof(StyleProfile.Phrases), nameof(StyleProfile.Openers), nameof(StyleProfile.Closers), nameof(StyleProfile.EmojiUse)];

    private static SpaceSavingSketch[] Sketches(StyleProfile p) => [p.TopWords, p.Phrases, p.Openers, p.Closers, p.EmojiUse];

    private static long MinCount(SpaceSavingSketch s) => s.Count < s.Capacity ? 0 : s.Entries().Min(e => e.Count);

    private static long[] Minimums(StyleProfile p) => Sketches(p).Select(MinCount).ToArray();

    /// <summary>
    /// Each sketch: equal to the batch's when the batch's never overflowed; otherwise every merged entry brackets the
    /// true count, its error is within the documented bound, and it agrees with the batch's entry within both errors.
    /// Returns the names of the sketches that were equal.
    /// </summary>
    private static List<string> AssertSketches(StyleProfile batch, StyleProfile merged, Dictionary<ulong, long>[] truth, long[] minA, long[] minB)
    {
        var exact = new List<string>();
        var batchSketches = Sketches(batch);
        var mergedSketches = Sketches(merged);
        for (var k = 0; k < SketchNames.Length; k++)
        {
            var expected = batchSketches[k];
            var actual = mergedSketches[k];
            if (expected.Count < expected.Capacity && !expected.Filter.ContainsAnyExcept(0L))
            {
                Assert.Equal(expected.Entries(), actual.Entries());
                Assert.True(expected.Filter.SequenceEqual(actual.Filter), SketchNames[k]);
                Assert.All(actual.Entries(), e => Assert.Equal(truth[k][e.Key], e.Count));
                exact.Add(SketchNames[k]);
                continue;
            }
            var batchEntries = expected.Entries().ToDictionary(e => e.Key);
            foreach (var e in actual.Entries())
            {
                var count = truth[k][e.Key];
                Assert.True(e.GuaranteedCount <= count && count <= e.Count, $"{SketchNames[k]} '{e.Text}': {count} outside [{e.GuaranteedCount}, {e.Count}]");
                Assert.InRange(e.Error, 0, minA[k] + minB[k]);
                if (batchEntries.TryGetValue(e.Key, out var b)) Assert.InRange(e.Count - b.Count, -(e.Error + b.Error), e.Error + b.Error);
            }
            var mask = (ulong)(actual.Filter.Length - 1);
            var monitored = actual.Entries().Select(e => e.Key).ToHashSet();
            foreach (var (key, count) in truth[k])
                if (!monitored.Contains(key)) Assert.True(count <= actual.Filter[(int)(key & mask)], $"{SketchNames[k]}: an unmonitored key's count {count} is above its bucket");
        }
        return exact;
    }

    private static void AssertNewestTypicalExemplars(StyleProfile merged, List<Exemplar> union)
    {
        var kept = merged.Exemplars;
        Assert.InRange(kept.Count, 1, StyleProfile.MaxExemplars);
        Assert.All(kept, e => Assert.Contains(union, u => u.Text == e.Text));
        Assert.All(kept, e => Assert.NotNull(e.At));
        Assert.Equal(kept.Select(e => e.At).OrderByDescending(t => t), kept.Select(e => e.At));
        Assert.Equal(kept.Count, kept.Select(e => e.Text).Distinct().Count());
        // Every exemplar left out is older than all kept or no longer typical of the merged centroid.
        var oldest = kept.Min(e => e.At!.Value);
        foreach (var e in union.Where(u => kept.All(k => k.Text != u.Text)))
            Assert.True(e.At < oldest || kept.Count == StyleProfile.MaxExemplars && e.At <= oldest
                || ExemplarSelection.DistanceToCentroid(e.Axes, merged.ExemplarAxes) > ExemplarSelection.MaxTypicalDistance,
                $"'{e.Text}' was dropped for an older one");
    }

    /// <summary>The exact counts the sketches estimate, from the production tokenizer over the mentor's messages.</summary>
    private static Dictionary<ulong, long>[] TrueCounts(IEnumerable<Turn> turns)
    {
        var sink = new CountingSink();
        foreach (var t in turns.Where(t => t.Message.Role == ParticipantRole.Mentor))
            MessageFeatureExtractor.Extract(t.Message.Content, ref sink);
        return [sink.Words, sink.Phrases, sink.Openers, sink.Closers, sink.Emoji];
    }

    private struct CountingSink() : IMessageTokenSink
    {
        public readonly Dictionary<ulong, long> Words = [], Phrases = [], Openers = [], Closers = [], Emoji = [];

        public readonly void Phrase(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) => Count(Phrases, hash);
        public readonly void Opener(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) => Count(Openers, hash);
        public readonly void Closer(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) => Count(Closers, hash);
        readonly void IMessageTokenSink.Emoji(ulong hash, ReadOnlySpan<char> emoji) => Count(Emoji, hash);
        public readonly void Word(ulong hash, ReadOnlySpan<char> word) => Count(Words, hash);

        private static void Count(Dictionary<ulong, long> into, ulong key) => into[key] = into.GetValueOrDefault(key) + 1;
    }
}
