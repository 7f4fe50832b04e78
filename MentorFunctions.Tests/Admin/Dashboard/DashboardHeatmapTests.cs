using MentorFunctions.Core.Admin.Dashboard;
using MentorFunctions.Core.Style;

namespace MentorFunctions.Tests.Admin.Dashboard;

/// <summary>The week heatmap in the mentor's time zone: the profile counts by UTC hour, the grid is local.</summary>
public sealed class DashboardHeatmapTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static StyleProfile Profile(params (int UtcHourOfWeek, long Count)[] activity)
    {
        var p = new StyleProfile();
        foreach (var (hour, count) in activity) p.Activity[hour] = count;
        return p;
    }

    [Theory]
    // Monday 00 UTC and Sunday 20 UTC: Tokyo (UTC+9, no daylight saving) is Monday 09 and Monday 05.
    [InlineData("Asia/Tokyo", "Asia/Tokyo", 9, 0, 9, 0, 5)]
    // São Paulo (UTC−3 since 2019): Monday 00 UTC is Sunday 21; Sunday 20 UTC is Sunday 17.
    [InlineData("America/Sao_Paulo", "America/Sao_Paulo", -3, 6, 21, 6, 17)]
    // No zone known (or one the machine does not know): UTC.
    [InlineData(null, "UTC", 0, 0, 0, 6, 20)]
    [InlineData("Mars/Olympus_Mons", "UTC", 0, 0, 0, 6, 20)]
    public void Counts_move_to_the_mentors_local_weekday_and_hour(string? zone, string shownZone, int offset, int day1, int hour1, int day2, int hour2)
    {
        var map = DashboardStyleView.Heatmap(Profile((0, 5), (6 * 24 + 20, 3)), zone, Now);
        Assert.Equal(shownZone, map.TimeZone);
        Assert.Equal(offset, map.UtcOffsetHours);
        Assert.Equal(8, map.Total);
        Assert.Equal(5, map.Counts[day1][hour1]);
        Assert.Equal(3, map.Counts[day2][hour2]);
        Assert.Equal(8, map.Counts.Sum(row => row.Sum()));
    }

    [Fact]
    public void The_offset_is_the_one_in_force_at_the_given_time()
    {
        // Lisbon: UTC+0 in winter, UTC+1 in summer; Monday 00 UTC is Monday 00 or Monday 01 local.
        var winter = DashboardStyleView.Heatmap(Profile((0, 1)), "Europe/Lisbon", new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
        var summer = DashboardStyleView.Heatmap(Profile((0, 1)), "Europe/Lisbon", new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, winter.UtcOffsetHours);
        Assert.Equal(1, winter.Counts[0][0]);
        Assert.Equal(1, summer.UtcOffsetHours);
        Assert.Equal(1, summer.Counts[0][1]);
    }
}
