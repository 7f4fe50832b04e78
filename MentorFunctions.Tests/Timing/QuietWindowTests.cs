using MentorFunctions.Core.Timing;

namespace MentorFunctions.Tests.Timing;

public sealed class QuietWindowTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void A_window_across_midnight_in_a_time_zone_ends_at_the_local_end_hour()
    {
        // Lisbon is UTC+0 in winter, UTC+1 in summer.
        var window = QuietWindow.Create(22, 7, "Europe/Lisbon")!;
        Assert.True(window.Contains(Utc(1, 15, 23)));
        Assert.False(window.Contains(Utc(1, 15, 12)));
        Assert.Equal(Utc(1, 16, 7), window.EndOf(Utc(1, 15, 23)));
        // In July 22:30 UTC is 23:30 in Lisbon, and the night ends at 07:00 local = 06:00 UTC.
        Assert.True(window.Contains(Utc(7, 15, 22, 30)));
        Assert.Equal(Utc(7, 16, 6), window.EndOf(Utc(7, 15, 22, 30)));
        Assert.Equal(Utc(7, 16, 6), window.EndOf(Utc(7, 16, 2)));
    }

    [Fact]
    public void A_daytime_window_and_utc_by_default()
    {
        var window = QuietWindow.Create(12, 14, null)!;
        Assert.Equal(TimeZoneInfo.Utc, window.Zone);
        Assert.True(window.Contains(Utc(3, 2, 13, 59)));
        Assert.False(window.Contains(Utc(3, 2, 14)));
        Assert.Equal(Utc(3, 2, 14), window.EndOf(Utc(3, 2, 12, 30)));
        Assert.Equal(Utc(3, 2, 9), window.EndOf(Utc(3, 2, 9)));
    }

    [Fact]
    public void An_end_hour_skipped_by_a_daylight_saving_jump_ends_an_hour_later()
    {
        // New York springs forward at 02:00 on 2026-03-08: 02:00 local does not exist.
        var window = QuietWindow.Create(22, 2, "America/New_York")!;
        var lateEvening = new DateTimeOffset(2026, 3, 7, 23, 30, 0, TimeSpan.FromHours(-5));
        var end = window.EndOf(lateEvening);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-4)), end);
        Assert.False(window.Contains(end));
    }

    [Theory]
    [InlineData(22, 22, "UTC")]
    [InlineData(24, 7, "UTC")]
    [InlineData(-1, 7, "UTC")]
    [InlineData(22, 7, "Mars/Olympus_Mons")]
    public void Invalid_settings_give_no_window(int start, int end, string zone) =>
        Assert.Null(QuietWindow.Create(start, end, zone));

    [Fact]
    public void A_mentors_quiet_hours_replace_the_deployments()
    {
        var planner = new DelayPlanner(Microsoft.Extensions.Options.Options.Create(new TimingOptions
        {
            QuietHours = { Enabled = true, StartHourUtc = 1, EndHourUtc = 2 },
        }));
        var timing = new TimingSnapshot(Math.Log(60), 0.1, 100, [], 0);
        // 21:00 UTC is 18:00 in São Paulo (UTC-3): inside the mentor's 18–08 quiet hours, outside the deployment's 01–02.
        var at = Utc(3, 2, 21);
        var input = new MentorFunctions.Core.Conversations.PlanReplyInput(
            new MentorFunctions.Core.Conversations.ConversationKey("bot@example.com", 1, 2), 10, at, 10, at, 1, 0, at);
        var mentorQuiet = QuietWindow.Create(18, 8, "America/Sao_Paulo");

        var plain = planner.Plan(timing, input);
        var moved = planner.Plan(timing, input, mentorQuiet);

        Assert.True(plain.DueAt < Utc(3, 2, 22));
        Assert.True(moved.DueAt >= Utc(3, 3, 11), $"due {moved.DueAt:O}");
        Assert.False(mentorQuiet!.Contains(moved.DueAt));
    }
}
