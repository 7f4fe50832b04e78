using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Timing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace MentorFunctions.Tests.Timing;

public sealed class DelayPlannerTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly ConversationKey Key = new("bot@example.com", 1, 2);

    /// <summary>A mentor whose answers take 12 minutes at the median (log-normal, σ = 0.8), with short replies.</summary>
    private static readonly TimingSnapshot TwelveMinuteMentor = new(Math.Log(720), 0.8, 500, [], 0);

    private static DelayPlanner Planner(TimingOptions? options = null) => new(Options.Create(options ?? new TimingOptions()));

    private static PlanReplyInput Input(long id, double urgency = 0, DateTimeOffset? at = null) =>
        new(Key, id, at ?? Monday10, id, at ?? Monday10, 1, urgency, at ?? Monday10);

    [Fact]
    public void The_same_message_always_gets_the_same_plan_and_different_messages_differ()
    {
        var planner = Planner();
        var a = planner.Plan(TwelveMinuteMentor, Input(42));
        Assert.Equal(a, planner.Plan(TwelveMinuteMentor, Input(42)));
        Assert.Equal(a, Planner().Plan(TwelveMinuteMentor, Input(42)));
        var distinct = Enumerable.Range(100, 20).Select(i => planner.Plan(TwelveMinuteMentor, Input(i)).DelaySeconds).Distinct().Count();
        Assert.True(distinct >= 19);
    }

    [Fact]
    public void Delays_follow_the_learned_distribution()
    {
        var planner = Planner(new TimingOptions { MaxDelay = TimeSpan.FromHours(6) });
        var delays = Enumerable.Range(0, 1000).Select(i => planner.Plan(TwelveMinuteMentor, Input(10_000 + i * 7)).DelaySeconds).Order().ToArray();
        double P(double q) => delays[(int)Math.Round(q * (delays.Length - 1))];
        output.WriteLine($"unclamped (MaxDelay 6 h), 1000 messages, median 12 min, sigma 0.8: min {delays[0]:F0} s, p25 {P(0.25):F0}, p50 {P(0.5):F0}, p75 {P(0.75):F0}, p90 {P(0.9):F0}, max {delays[^1]:F0}");

        Assert.InRange(P(0.5), 720 * 0.9, 720 * 1.1);
        // The log-normal quartiles sit at median · e^(±0.674σ).
        Assert.InRange(P(0.25), 720 * Math.Exp(-0.674 * 0.8) * 0.88, 720 * Math.Exp(-0.674 * 0.8) * 1.12);
        Assert.InRange(P(0.75), 720 * Math.Exp(0.674 * 0.8) * 0.88, 720 * Math.Exp(0.674 * 0.8) * 1.12);
    }

    [Fact]
    public void The_default_clamps_shape_the_distribution_of_a_twelve_minute_mentor()
    {
        var options = new TimingOptions();
        var planner = Planner(options);
        var delays = Enumerable.Range(0, 1000).Select(i => planner.Plan(TwelveMinuteMentor, Input(10_000 + i * 7)).DelaySeconds).Order().ToArray();
        double P(double q) => delays[(int)Math.Round(q * (delays.Length - 1))];
        output.WriteLine($"defaults (10 s..1800 s), 1000 messages, median 12 min: min {delays[0]:F0} s, p25 {P(0.25):F0}, p50 {P(0.5):F0}, p75 {P(0.75):F0}, p90 {P(0.9):F0}, max {delays[^1]:F0}");

        Assert.Equal(options.MaxDelay.TotalSeconds, delays[^1]);
        Assert.True(delays[0] >= options.BurstSettle.TotalSeconds);
        Assert.InRange(P(0.5), 720 * 0.9, 720 * 1.1);
    }

    [Fact]
    public void Delays_are_clamped_to_min_and_max()
    {
        var options = new TimingOptions { MinDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromMinutes(20), BurstSettle = TimeSpan.Zero };
        var planner = Planner(options);
        var slow = new TimingSnapshot(Math.Log(36_000), 0.3, 50, [], 0);  // 10 hours
        var instant = new TimingSnapshot(Math.Log(1), 0.3, 50, [], 0);    // 1 second

        for (var id = 1; id <= 50; id++)
        {
            var late = planner.Plan(slow, Input(id));
            Assert.Equal(1200, late.DelaySeconds, 3);
            Assert.Equal(Monday10.AddMinutes(20), late.NotAfter);
            Assert.Equal(30, planner.Plan(instant, Input(id)).DelaySeconds, 3);
        }
    }

    [Fact]
    public void Urgency_shortens_the_delay_smoothly()
    {
        var planner = Planner();
        double Delay(double u) => planner.Plan(TwelveMinuteMentor, Input(77, u)).DelaySeconds;
        var levels = new[] { 0, 0.25, 0.5, 0.75, 1.0 }.Select(Delay).ToArray();
        for (var i = 1; i < levels.Length; i++)
            Assert.True(levels[i] < levels[i - 1], string.Join(", ", levels));
        Assert.Equal(levels[0] * 0.25, levels[^1], 1); // UrgencyStrength 0.75
    }

    [Fact]
    public void Typing_time_is_a_floor_under_the_drawn_delay_not_an_addition()
    {
        var planner = Planner(new TimingOptions { BurstSettle = TimeSpan.Zero, MinDelay = TimeSpan.FromSeconds(1) });
        var instant = new TimingSnapshot(Math.Log(2), 0.1, 50, [], 0);
        // A 600-character reply takes 100 s to type at 6 chars/s: no quicker answer, however quick the mentor.
        Assert.Equal(600 / new TimingOptions().TypingCharsPerSecond, planner.Plan(instant with { TypicalReplyChars = 600 }, Input(5)).DelaySeconds, 3);
        // A 12-minute mentor's draw already holds their typing: the expected length does not move it.
        var terse = planner.Plan(TwelveMinuteMentor with { TypicalReplyChars = 0 }, Input(5)).DelaySeconds;
        var wordy = planner.Plan(TwelveMinuteMentor with { TypicalReplyChars = 600 }, Input(5)).DelaySeconds;
        Assert.True(terse > 100, $"draw {terse} s");
        Assert.Equal(terse, wordy, 3);
    }

    [Fact]
    public void A_burst_leaves_the_student_time_to_finish_and_never_passes_the_limit()
    {
        var planner = Planner();
        var fast = new TimingSnapshot(Math.Log(15), 0.1, 10, [], 0);
        var latest = Monday10.AddMinutes(2);
        var plan = planner.Plan(fast, new PlanReplyInput(Key, 1, Monday10, 3, latest, 3, 0, latest));
        Assert.Equal(latest.AddSeconds(20), plan.DueAt);

        var veryLate = Monday10.AddMinutes(40);
        var capped = planner.Plan(fast, new PlanReplyInput(Key, 1, Monday10, 9, veryLate, 9, 0, veryLate));
        Assert.Equal(veryLate, capped.DueAt); // already past the limit (first message + 30 min): answer now, not later
        Assert.Equal(veryLate, capped.NotAfter); // and the limit never lies before the plan

        var nearLimit = Monday10.AddMinutes(29.9);
        var bounded = planner.Plan(fast, new PlanReplyInput(Key, 1, Monday10, 9, nearLimit, 9, 0, nearLimit));
        Assert.Equal(Monday10.AddMinutes(30), bounded.NotAfter);
        Assert.Equal(Monday10.AddMinutes(30), bounded.DueAt); // the settle time gives way to the first message's limit
    }

    [Fact]
    public void Every_plan_lies_between_now_and_its_limit()
    {
        var quiet = new TimingOptions { QuietHours = { Enabled = true, StartHourUtc = 22, EndHourUtc = 6 } };
        var checkedPlans = 0;
        foreach (var options in new[] { new TimingOptions(), quiet })
        foreach (var burstMinutes in new[] { 0.0, 1, 10, 29, 31, 90 })
        foreach (var urgency in new[] { 0.0, 1 })
        foreach (var startHour in new[] { 3, 10, 21.9 })
        {
            var first = new DateTimeOffset(Monday10.Date, TimeSpan.Zero).AddHours(startHour);
            var latest = first.AddMinutes(burstMinutes);
            var plan = Planner(options).Plan(TwelveMinuteMentor, new PlanReplyInput(Key, 7, first, 9, latest, 3, urgency, latest));
            Assert.True(plan.DueAt >= latest, $"{plan} before the latest message");
            Assert.True(plan.NotAfter >= plan.DueAt, $"{plan}: limit before the plan");
            checkedPlans++;
        }
        Assert.Equal(72, checkedPlans);
    }

    [Fact]
    public void Quiet_hours_move_the_reply_towards_an_hour_the_mentor_is_active()
    {
        var options = new TimingOptions { QuietHours = { Enabled = true, StartHourUtc = 22, EndHourUtc = 6 } };
        var activity = new double[168];
        var tuesday9 = DelayPlanner.HourOfWeek(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero));
        activity[tuesday9] = 1.0;
        var mentor = TwelveMinuteMentor with { ActivityByHourOfWeek = activity };
        var lateMonday = new DateTimeOffset(2026, 3, 2, 23, 10, 0, TimeSpan.Zero);

        var plan = Planner(options).Plan(mentor, Input(8, at: lateMonday));
        output.WriteLine($"quiet-hours plan: {plan}");

        Assert.InRange(plan.DueAt, new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 9, 10, 0, TimeSpan.Zero));
        Assert.True(plan.NotAfter >= plan.DueAt);
        Assert.False(options.QuietHours.Contains(plan.DueAt));

        var noActivity = Planner(options).Plan(TwelveMinuteMentor, Input(8, at: lateMonday));
        Assert.InRange(noActivity.DueAt, new DateTimeOffset(2026, 3, 3, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 6, 10, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Quiet_hours_off_by_default_leave_night_replies_alone()
    {
        var night = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        var plan = Planner().Plan(TwelveMinuteMentor, Input(8, at: night));
        Assert.True(plan.DueAt < night.AddMinutes(31));
    }

    [Fact]
    public void An_unusable_latency_model_falls_back_instead_of_failing()
    {
        var broken = new TimingSnapshot(double.NaN, -1, 0, [], double.PositiveInfinity);
        var plan = Planner().Plan(broken, Input(3));
        Assert.InRange(plan.DelaySeconds, 10, 1800);
    }

    [Fact]
    public void AddMentorTiming_binds_the_Timing_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Timing:MaxDelay"] = "00:45:00",
            ["Timing:QuietHours:Enabled"] = "true",
            ["Timing:QuietHours:StartHourUtc"] = "21",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddMentorTiming().BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<TimingOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(45), options.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), options.MinDelay);
        Assert.True(options.QuietHours.Enabled);
        Assert.Equal(21, options.QuietHours.StartHourUtc);
        Assert.NotNull(services.GetRequiredService<DelayPlanner>());
        Assert.NotNull(services.GetRequiredService<UrgencyScorer>());
    }
}
