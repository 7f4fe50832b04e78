using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;

namespace MentorFunctions.Tests.Style;

/// <summary>The clock hours a mentor wrote in, by hour of week: learned incrementally, checked against a batch count.</summary>
public sealed class ActiveHoursTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Bursts of 1-6 messages a few minutes apart, bursts hours or days apart, in time order.</summary>
    private static List<DateTimeOffset> Stream(int bursts, int seed)
    {
        var random = new Random(seed);
        var at = Start;
        var times = new List<DateTimeOffset>();
        for (var b = 0; b < bursts; b++)
        {
            at = at.AddMinutes(30 + random.Next(3 * 24 * 60));
            var t = at;
            for (var i = 0; i < 1 + random.Next(6); i++)
            {
                times.Add(t);
                t = t.AddMinutes(random.Next(12));
            }
            at = t;
        }
        return times;
    }

    private static long[] Batch(IEnumerable<DateTimeOffset> times)
    {
        var counts = new long[StyleProfile.HoursPerWeek];
        foreach (var hour in times.Select(t => t.ToUnixTimeSeconds() / 3600).Distinct())
            counts[StyleProfile.HourOfWeek(DateTimeOffset.FromUnixTimeSeconds(hour * 3600))]++;
        return counts;
    }

    [Fact]
    public void Learned_active_hours_equal_the_distinct_clock_hours_counted_in_one_pass_and_survive_the_codec()
    {
        var times = Stream(400, 3);
        var profile = new StyleProfile();
        foreach (var t in times) StyleLearner.Learn("Sure, try it and tell me how it goes.", t, profile);

        Assert.Equal(Batch(times), profile.ActiveHours);
        Assert.True(profile.ActiveHours.Sum() < profile.Activity.Sum(), "bursts count once");
        Assert.Equal(times.Count, profile.Activity.Sum());
        var copy = ProfileCodec.Deserialize(ProfileCodec.Serialize(profile)).Profile;
        Assert.Equal(profile.ActiveHours, copy.ActiveHours);
        Assert.Equal(profile.LastActiveHour, copy.LastActiveHour);
        var viaJson = ProfileCodec.Deserialize(ProfileCodec.SerializeJson(profile)).Profile;
        Assert.Equal(profile.ActiveHours, viaJson.ActiveHours);
    }

    [Fact]
    public void Two_halves_split_at_an_hour_merge_into_the_whole_and_an_earlier_version_reads_its_message_counts_as_hours()
    {
        var times = Stream(300, 8);
        var cut = times[times.Count / 2];
        cut = new DateTimeOffset(cut.Year, cut.Month, cut.Day, cut.Hour, 0, 0, TimeSpan.Zero);
        var first = new StyleProfile();
        var second = new StyleProfile();
        foreach (var t in times) StyleLearner.Learn("ok, let me look", t, t < cut ? first : second);
        first.Merge(second, new StyleOptions().LatencyHalfLife);
        Assert.Equal(Batch(times), first.ActiveHours);

        // Version 4 (JSON) had only message counts: they stand for the hours until new messages arrive.
        var node = System.Text.Json.Nodes.JsonNode.Parse(ProfileCodec.SerializeJson(first))!.AsObject();
        node.Remove("ah");
        node.Remove("lh");
        node.Remove("am");
        var old = ProfileCodec.Deserialize(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString())).Profile;
        Assert.Equal(first.Activity, old.ActiveHours);
        Assert.True(old.ActiveHoursFromMessages);
        Assert.False(first.ActiveHoursFromMessages);
        Assert.True(ProfileCodec.Deserialize(ProfileCodec.Serialize(old)).Profile.ActiveHoursFromMessages);
    }
}
