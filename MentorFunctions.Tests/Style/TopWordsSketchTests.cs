using MentorFunctions.Core.Style;

namespace MentorFunctions.Tests.Style;

/// <summary>The profile's most frequent words (a bounded sketch) against an exact batch count of the same words.</summary>
public sealed class TopWordsSketchTests
{
    /// <summary>Counts every word hash the extractor reports: the batch truth the sketch approximates.</summary>
    private struct CountingSink(Dictionary<ulong, long> counts) : IMessageTokenSink
    {
        public readonly void Phrase(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) { }
        public readonly void Opener(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) { }
        public readonly void Closer(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) { }
        public readonly void Emoji(ulong hash, ReadOnlySpan<char> emoji) { }
        public readonly void Word(ulong hash, ReadOnlySpan<char> word) =>
            counts[hash] = counts.GetValueOrDefault(hash) + 1;
    }

    [Fact]
    public void Every_kept_word_brackets_its_true_count_and_the_clearly_frequent_words_are_all_kept()
    {
        // 3,000 messages over a Zipf-like vocabulary of 4,000 invented words: far more distinct words than the 128 slots.
        var random = new Random(17);
        var vocabulary = Enumerable.Range(0, 4000).Select(i => "wort" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var profile = new StyleProfile();
        var truth = new Dictionary<ulong, long>();
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        for (var m = 0; m < 3000; m++)
        {
            var words = Enumerable.Range(0, 12).Select(_ => vocabulary[(int)Math.Min(vocabulary.Length - 1, Math.Pow(vocabulary.Length, random.NextDouble()) - 1)]);
            var text = string.Join(' ', words) + ".";
            StyleLearner.Learn(text, at.AddMinutes(m), profile);
            var sink = new CountingSink(truth);
            MessageFeatureExtractor.Extract(text, ref sink);
        }

        var kept = profile.TopWords.Entries();
        Assert.Equal(StyleProfile.WordCapacity, kept.Length);
        foreach (var e in kept)
        {
            var actual = truth[e.Key];
            Assert.True(e.GuaranteedCount <= actual && actual <= e.Count, $"{e.Text}: kept {e.GuaranteedCount}..{e.Count}, true {actual}");
            Assert.Equal(TextHash.Word(e.Text), e.Key);
        }
        // Any word counted more often than the sketch's smallest kept count (plus its error bound) must be kept.
        var floor = kept.Min(e => e.Count);
        var mustKeep = truth.Where(p => p.Value > floor).Select(p => p.Key).ToHashSet();
        Assert.NotEmpty(mustKeep);
        Assert.Subset(kept.Select(e => e.Key).ToHashSet(), mustKeep);
        // The 20 most frequent words, in the batch count's order, lead the sketch too.
        var top20 = truth.OrderByDescending(p => p.Value).Take(20).Select(p => p.Key).ToHashSet();
        Assert.Subset(kept.Take(30).Select(e => e.Key).ToHashSet(), top20);
    }
}
