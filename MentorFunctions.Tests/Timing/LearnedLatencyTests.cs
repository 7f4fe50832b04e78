using MentorLab.Statistics;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Timing;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace MentorFunctions.Tests.Timing;

/// <summary>Timing model v2: what is learned of reply latencies, and that the planner draws from what was learned.</summary>
public sealed class LearnedLatencyTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConversationKey Key = new("bot@example.com", 1, 2);

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    private static double[] Draws(TimingSnapshot timing, TimingOptions options, int n = 2000)
    {
        var planner = new DelayPlanner(Options.Create(options));
        return Enumerable.Range(0, n).Select(i =>
        {
            var id = 50_000L + i * 7_919L;
            return planner.Plan(timing, new PlanReplyInput(Key, id, Start, id, Start, 1, 0, Start)).DelaySeconds;
        }).ToArray();
    }

    private static StyleProfile Learned(IEnumerable<(double Seconds, DateTimeOffset At)> latencies, TimeSpan halfLife, double chars = 0)
    {
        var profile = new StyleProfile();
        foreach (var (seconds, at) in latencies) profile.AddLatency(TimeSpan.FromSeconds(seconds), at, halfLife);
        if (chars > 0) profile.Chars.Add(chars);
        return profile;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Unbounded delays and no typing floor (these profiles hold no text): only the learned latencies shape them.</summary>
    private static TimingOptions Open() => new() { MinDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromDays(2), BurstSettle = TimeSpan.Zero, TypingCharsPerSecond = 100 };

    [Fact]
    public void The_planner_draws_from_the_learned_histogram_not_a_single_log_normal()
    {
        // A mentor with two habits: quick answers (~40 s) most of the time, and answers after about two hours.
        var random = new Random(11);
        var real = Enumerable.Range(0, 600).Select(i => i % 5 < 3
            ? Math.Exp(Math.Log(40) + 0.4 * Gaussian(random))
            : Math.Exp(Math.Log(7200) + 0.3 * Gaussian(random))).ToArray();
        var profile = Learned(real.Select((s, i) => (s, Start.AddMinutes(i))), TimeSpan.Zero);
        var timing = StyleBlend.Read(1, profile, null).Timing;

        var drawn = Draws(timing, Open());
        var (d, _) = KolmogorovSmirnov.TwoSample(drawn, real);
        var logNormal = Draws(timing with { LatencyShares = [] }, Open());
        var (dLogNormal, _) = KolmogorovSmirnov.TwoSample(logNormal, real);
        output.WriteLine($"KS D against the real latencies: histogram draws {d:F3}, single log-normal {dLogNormal:F3}; medians real {Median(real):F0} s, drawn {Median(drawn):F0} s, log-normal {Median(logNormal):F0} s");

        Assert.True(d < 0.06, $"draws from the learned histogram are too far from the latencies: D = {d:F3}");
        Assert.True(dLogNormal > 0.2, $"the bimodal latencies should defeat a single log-normal (D = {dLogNormal:F3}); the test is not discriminating");
    }

    [Fact]
    public void A_quick_replier_keeps_their_pace_under_the_default_options()
    {
        // Real median 28 s; replies of 80 characters (a 13 s typing floor at 6 chars/s), default settle of 20 s.
        var random = new Random(5);
        var real = Enumerable.Range(0, 400).Select(_ => Math.Exp(Math.Log(28) + 0.6 * Gaussian(random))).ToArray();
        var profile = Learned(real.Select((s, i) => (s, Start.AddMinutes(10 * i))), TimeSpan.FromDays(60), chars: 80);
        var drawn = Draws(StyleBlend.Read(1, profile, null).Timing, new TimingOptions());
        output.WriteLine($"quick replier: real median {Median(real):F0} s, drawn median {Median(drawn):F0} s");
        Assert.InRange(Median(drawn) / Median(real), 0.85, 1.3);
    }

    [Fact]
    public void Recent_replies_weigh_more_than_last_years()
    {
        // A year of ten-minute answers, then four months of one-minute answers; half-life 60 days.
        var random = new Random(7);
        var history = new List<(double, DateTimeOffset)>();
        for (var day = 0; day < 365; day++) history.Add((600 * Math.Exp(0.3 * Gaussian(random)), Start.AddDays(day)));
        for (var day = 365; day < 485; day++) history.Add((60 * Math.Exp(0.3 * Gaussian(random)), Start.AddDays(day)));
        var decayed = Median(Draws(StyleBlend.Read(1, Learned(history, TimeSpan.FromDays(60)), null).Timing, Open()));
        var flat = Median(Draws(StyleBlend.Read(1, Learned(history, TimeSpan.Zero), null).Timing, Open()));
        output.WriteLine($"median draw: {decayed:F0} s with a 60-day half-life, {flat:F0} s with every reply weighing the same");
        Assert.True(decayed < 150, $"{decayed:F0} s: the mentor's current pace (about 60 s) should dominate");
        Assert.True(flat > 400, $"{flat:F0} s: without decay the year of ten-minute answers dominates");
    }

    [Fact]
    public void The_decayed_histogram_equals_a_batch_recomputation_in_any_arrival_order()
    {
        var random = new Random(3);
        var samples = Enumerable.Range(0, 300).Select(i => (Seconds: Math.Exp(random.NextDouble() * 10), At: Start.AddHours(random.Next(24 * 200)))).ToArray();
        var halfLife = TimeSpan.FromDays(30);
        var shuffled = samples.OrderBy(_ => random.Next()).ToArray();
        var histogram = new DecayingLatencyHistogram();
        foreach (var (seconds, at) in shuffled) histogram.Add(seconds, at, halfLife);

        var newest = samples.Max(s => s.At);
        var expected = new double[LatencyHistogram.Bins];
        foreach (var (seconds, at) in samples) expected[LatencyHistogram.Bin(seconds)] += Math.Pow(0.5, (newest - at).TotalDays / 30);
        Assert.Equal(newest, histogram.At);
        for (var b = 0; b < expected.Length; b++) Assert.Equal(expected[b], histogram.Weights[b], 9);
    }

    [Fact]
    public void A_new_mentor_draws_from_the_prior_and_shares_always_sum_to_one()
    {
        var prior = StylePrior.Default;
        var fresh = StyleBlend.Read(1, null, null).Timing;
        Assert.Equal(LatencyHistogram.LogNormalShares(Math.Log(prior.MedianLatencySeconds), prior.LogStdDevSeconds), fresh.LatencyShares);
        Assert.Equal(1, fresh.LatencyShares.Sum(), 9);
        var drawn = Draws(fresh, Open());
        Assert.InRange(Median(drawn), prior.MedianLatencySeconds * 0.9, prior.MedianLatencySeconds * 1.1);

        var some = Learned([(30, Start), (45, Start.AddMinutes(5))], TimeSpan.FromDays(60));
        Assert.Equal(1, StyleBlend.Read(1, some, some).Timing.LatencyShares.Sum(), 9);
    }

    [Fact]
    public void Active_hours_carry_a_daily_habit_to_days_not_seen_yet()
    {
        // Mondays to Thursdays, 09:00–11:59 UTC; never a Friday yet.
        var counts = new long[ActivityPattern.Hours];
        for (var day = 0; day < 4; day++)
            for (var hour = 9; hour < 12; hour++) counts[day * 24 + hour] = 5;
        var shares = ActivityPattern.Smoothed(counts);
        Assert.Equal(1, shares.Sum(), 9);
        var friday10 = 4 * 24 + 10;
        var friday3 = 4 * 24 + 3;
        Assert.True(shares[friday10] > 10 * shares[friday3], $"Friday 10:00 {shares[friday10]:E2}, Friday 03:00 {shares[friday3]:E2}");
        Assert.True(shares[10] > shares[friday10], "a seen hour still outweighs an unseen one");
        Assert.Empty(ActivityPattern.Smoothed(new long[ActivityPattern.Hours]));
    }
}
