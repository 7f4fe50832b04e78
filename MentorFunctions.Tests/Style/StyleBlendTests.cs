using MentorFunctions.Core.Style;

namespace MentorFunctions.Tests.Style;

public sealed class StyleBlendTests
{
    private static readonly DateTimeOffset Monday9 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static StyleProfile Profile(string message, int count, TimeSpan? latency = null)
    {
        var p = new StyleProfile();
        for (var i = 0; i < count; i++)
        {
            StyleLearner.Learn(message, Monday9.AddDays(i % 5).AddHours(i % 8), p);
            if (latency is { } l) p.AddLatency(l, Monday9.AddDays(i % 5).AddHours(i % 8), TimeSpan.Zero);
        }
        return p;
    }

    [Fact]
    public void A_new_mentor_reads_as_the_prior()
    {
        var s = StyleBlend.Read(7, null, null);
        var prior = StylePrior.Default;
        Assert.Equal(0, s.MessagesSeen);
        Assert.Equal(0, s.Confidence);
        Assert.Equal(prior.MeanChars, s.MeanChars, 9);
        Assert.Equal(prior.StdDevChars, s.StdDevChars, 9);
        Assert.Equal(0, s.Formality);
        Assert.Equal(15 * 60, Math.Exp(s.Timing.LogMeanSeconds), 6);
        Assert.Equal(prior.LogStdDevSeconds, s.Timing.LogStdDevSeconds, 9);
        Assert.Empty(s.Timing.ActivityByHourOfWeek);
        Assert.Empty(s.Phrases);
        Assert.Empty(s.Exemplars);
    }

    [Fact]
    public void The_mentor_outweighs_the_prior_by_message_count()
    {
        const string text = "hey! yeah that works, cool 👍"; // 28 chars, very casual
        var few = StyleBlend.Read(7, Profile(text, 5), null);
        var many = StyleBlend.Read(7, Profile(text, 995), null);
        var chars = text.Length - 1; // one surrogate pair
        // 5 messages against a pseudo-count of 5: half way between the prior's 150 and the mentor's length.
        Assert.Equal((150 + chars) / 2.0, few.MeanChars, 6);
        Assert.Equal(0.995 * chars + 0.005 * 150, many.MeanChars, 6);
        Assert.True(many.Formality < few.Formality && few.Formality < 0);
    }

    [Fact]
    public void A_pair_with_little_data_speaks_like_the_mentor_and_takes_over_as_it_grows()
    {
        var mentor = Profile("Good afternoon. Could you please share the full error message? Thank you.", 400, TimeSpan.FromMinutes(30));
        var newPair = Profile("lol yeah, gonna check it rn", 2, TimeSpan.FromMinutes(2));
        var oldPair = Profile("lol yeah, gonna check it rn", 380, TimeSpan.FromMinutes(2));

        var early = StyleBlend.Read(7, mentor, newPair);
        var late = StyleBlend.Read(7, mentor, oldPair);
        Assert.True(early.Formality > 0.3, $"early {early.Formality}");
        Assert.True(late.Formality < -0.3, $"late {late.Formality}");
        // Latency blends by latency samples: 2 pair samples barely move the mentor's 30 minutes; 380 dominate it.
        double Expected(double pairSamples)
        {
            var wPair = pairSamples / (pairSamples + StylePrior.Default.PairLatencyPseudoCount);
            var wMentor = (1 - wPair) * 400 / (400 + StylePrior.Default.LatencyPseudoCount);
            return Math.Exp(wPair * Math.Log(120) + wMentor * Math.Log(1800) + (1 - wPair - wMentor) * Math.Log(900));
        }
        Assert.Equal(Expected(2), Math.Exp(early.Timing.LogMeanSeconds), 6);
        Assert.Equal(Expected(380), Math.Exp(late.Timing.LogMeanSeconds), 6);
        Assert.InRange(Math.Exp(early.Timing.LogMeanSeconds) / 60, 15, 30);
        Assert.InRange(Math.Exp(late.Timing.LogMeanSeconds) / 60, 2, 2.5);
        Assert.Contains(late.Phrases, p => p.Text == "gonna check it");
        Assert.Contains(early.Phrases, p => p.Text == "could you please");
        Assert.Equal("lol yeah, gonna check it rn", late.Exemplars[0]);
    }

    [Fact]
    public void Blended_spread_is_the_mixture_spread()
    {
        var shortOnes = Profile("ok, thanks, done now", 1000);
        var s = StyleBlend.Read(7, shortOnes, null);
        var w = 1000 / 1005.0;
        var mean = w * 20 + (1 - w) * 150;
        var second = w * (20 * 20) + (1 - w) * (90 * 90 + 150 * 150);
        Assert.Equal(mean, s.MeanChars, 6);
        Assert.Equal(Math.Sqrt(second - mean * mean), s.StdDevChars, 6);
    }

    [Fact]
    public void Activity_is_shares_of_the_week_summing_to_one()
    {
        var s = StyleBlend.Read(7, Profile("Sure, will do.", 40), Profile("Sure, will do.", 3));
        Assert.Equal(168, s.Timing.ActivityByHourOfWeek.Count);
        Assert.Equal(1, s.Timing.ActivityByHourOfWeek.Sum(), 9);
        // Smoothed: an hour next to the mentor's gets a little, a night hour far from any almost nothing.
        var seen = s.Timing.ActivityByHourOfWeek[StyleProfile.HourOfWeek(Monday9)];
        var next = s.Timing.ActivityByHourOfWeek[StyleProfile.HourOfWeek(Monday9.AddHours(-1))];
        var night = s.Timing.ActivityByHourOfWeek[StyleProfile.HourOfWeek(Monday9.AddHours(-7))];
        Assert.True(seen > next && next > 0, $"seen {seen}, next {next}");
        Assert.Equal(0, night);
    }
}
