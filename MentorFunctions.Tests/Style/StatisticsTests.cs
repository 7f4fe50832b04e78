using MentorFunctions.Core.Style;

namespace MentorFunctions.Tests.Style;

public sealed class StatisticsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Running_mean_and_variance_equal_the_batch_computation(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(1, 5000);
        // Large offset and spread: the naive sum-of-squares formula loses precision here, Welford must not.
        var offset = random.NextDouble() * 1e6;
        var xs = Enumerable.Range(0, n).Select(_ => offset + random.NextDouble() * random.Next(1, 1000)).ToArray();
        var stat = new RunningStat();
        foreach (var x in xs) stat.Add(x);

        var mean = xs.Average();
        var variance = xs.Sum(x => (x - mean) * (x - mean)) / n;
        Assert.Equal(n, stat.Count);
        Assert.Equal(mean, stat.Mean, 1e-9 * Math.Max(1, Math.Abs(mean)));
        Assert.Equal(variance, stat.Variance, 1e-7 * Math.Max(1, variance));
    }

    [Fact]
    public void Combining_two_halves_equals_adding_everything()
    {
        var random = new Random(42);
        for (var trial = 0; trial < 50; trial++)
        {
            var xs = Enumerable.Range(0, random.Next(0, 300)).Select(_ => random.NextDouble() * 100 - 20).ToArray();
            var cut = xs.Length == 0 ? 0 : random.Next(0, xs.Length);
            RunningStat a = default, b = default, all = default;
            foreach (var x in xs[..cut]) a.Add(x);
            foreach (var x in xs[cut..]) b.Add(x);
            foreach (var x in xs) all.Add(x);
            var combined = RunningStat.Combine(a, b);
            Assert.Equal(all.Count, combined.Count);
            Assert.Equal(all.Mean, combined.Mean, 1e-9);
            Assert.Equal(all.Variance, combined.Variance, 1e-7);
        }
    }

    [Fact]
    public void Is_not_the_pairwise_average_of_the_seed()
    {
        var stat = new RunningStat();
        foreach (var x in new double[] { 10, 10, 10, 70 }) stat.Add(x);
        Assert.Equal(25, stat.Mean, 1e-12); // (((10+10)/2+10)/2+70)/2 would be 40
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Space_saving_finds_the_heavy_hitters_with_bounded_error(int seed)
    {
        var random = new Random(seed);
        var sketch = new SpaceSavingSketch(capacity: 20, filterSize: 64);
        var truth = new Dictionary<ulong, long>();
        // Zipf-like stream over 5,000 items: item k drawn with weight 1/(k+1).
        const int items = 5000;
        var cumulative = new double[items];
        double total = 0;
        for (var k = 0; k < items; k++) cumulative[k] = total += 1.0 / (k + 1);
        const int stream = 200_000;
        for (var i = 0; i < stream; i++)
        {
            var u = random.NextDouble() * total;
            var k = Array.BinarySearch(cumulative, u);
            var key = (ulong)(k < 0 ? ~k : k) * 0x9E3779B97F4A7C15UL;
            truth[key] = truth.GetValueOrDefault(key) + 1;
            sketch.Add(key, "x");
        }

        var entries = sketch.Entries();
        Assert.Equal(20, entries.Length);
        foreach (var e in entries)
        {
            var actual = truth[e.Key];
            Assert.True(e.Count >= actual, $"count {e.Count} under true {actual}");
            Assert.True(e.GuaranteedCount <= actual, $"guaranteed {e.GuaranteedCount} over true {actual}");
        }
        // The five truly most frequent items are all monitored, and rank first.
        var topFive = truth.OrderByDescending(kv => kv.Value).Take(5).Select(kv => kv.Key).ToHashSet();
        Assert.Subset(entries.Select(e => e.Key).ToHashSet(), topFive);
        Assert.Equal(topFive, entries.Take(5).Select(e => e.Key).ToHashSet());
    }

    [Fact]
    public void Space_saving_counts_exactly_while_under_capacity_and_reloads_the_same()
    {
        var sketch = new SpaceSavingSketch(capacity: 8, filterSize: 8);
        string[] words = ["a", "b", "a", "c", "a", "b"];
        foreach (var w in words) sketch.Add(TextHash.Phrase(w), w);
        var entries = sketch.Entries();
        Assert.Equal([("a", 3L), ("b", 2L), ("c", 1L)], entries.Select(e => (e.Text, e.Count)));
        Assert.All(entries, e => Assert.Equal(0, e.Error));

        var copy = new SpaceSavingSketch(capacity: 8, filterSize: 8);
        copy.Load(entries, sketch.Filter);
        copy.Add(TextHash.Phrase("c"), "c");
        Assert.Equal(2, copy.Entries().Single(e => e.Text == "c").Count);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Latency_quantiles_are_within_one_bin_of_the_exact_ones(int seed)
    {
        var random = new Random(seed);
        var bins = new long[LatencyHistogram.Bins];
        var samples = new List<double>();
        for (var i = 0; i < 5000; i++)
        {
            // log-normal around 10 minutes
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var seconds = Math.Exp(Math.Log(600) + 1.2 * z);
            samples.Add(seconds);
            bins[LatencyHistogram.Bin(seconds)]++;
        }
        samples.Sort();
        foreach (var q in new[] { 0.1, 0.5, 0.9 })
        {
            var exact = samples[(int)(q * (samples.Count - 1))];
            var estimate = LatencyHistogram.Quantile(bins, q);
            Assert.InRange(estimate / exact, 1 / 1.35, 1.35);
        }
        Assert.True(double.IsNaN(LatencyHistogram.Quantile(new long[LatencyHistogram.Bins], 0.5)));
    }
}
