using System.Text.Json;
using System.Text.Json.Nodes;
using global::MentorLab.Export;
using global::MentorLab.Timing;

namespace MentorFunctions.Tests.MentorLab;

/// <summary>`mentor-lab timing` end to end on a small export written by the test: two mentors in direct messages.</summary>
public sealed class TimingVerbTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 8, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Dana answers in about 40 s, Eli in about 20 min; each has four students who ask 60 questions over 60 days. With
    /// <paramref name="minutes"/>, timestamps are whole minutes, as some archives show them.
    /// </summary>
    private static string WriteExport(bool minutes = false)
    {
        var random = new Random(21);
        var messages = new JsonArray();
        long id = 1000;
        void Add(long sender, string name, DateTimeOffset at, string text, long other)
        {
            var seconds = at.ToUnixTimeSeconds();
            if (minutes) seconds -= seconds % 60;
            messages.Add(new JsonObject
            {
                ["id"] = id++, ["sender_id"] = sender, ["sender_full_name"] = name, ["timestamp"] = seconds,
                ["content"] = text, ["type"] = "private",
                ["display_recipient"] = new JsonArray(new JsonObject { ["id"] = sender }, new JsonObject { ["id"] = other }),
            });
        }
        foreach (var (mentor, name, median) in new[] { (1L, "Dana Quick", 40.0), (2L, "Eli Slow", 1200.0) })
        {
            for (var day = 0; day < 60; day++)
            {
                var student = 100 + mentor * 10 + day % 4;
                var asked = Start.AddDays(day).AddHours(1 + random.Next(8)).AddMinutes(random.Next(60));
                Add(student, $"Student {student}", asked, "I tried the loop again but it still fails, what should I check?", mentor);
                var gap = median * Math.Exp(0.5 * (Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())));
                Add(mentor, name, asked.AddSeconds(gap), "Check the bounds first, then print the index in each pass, and tell me what you see.", student);
            }
        }
        var dir = LabTestData.TempFolder();
        LabTestData.WriteFile(dir, "dm.json", messages.ToJsonString());
        return dir;
    }

    [Fact]
    public async Task Timing_compares_drawn_delays_with_each_mentors_held_out_reply_gaps()
    {
        var input = WriteExport();
        var dir = LabTestData.TempFolder();
        var json = Path.Combine(dir, "timing.json");
        var html = Path.Combine(dir, "timing.html");
        var (code, output, error) = await LabTestData.RunAsync("timing", "--input", input, "--min-messages", "50", "--json", json, "--html", html);
        Assert.True(code == 0, error);
        Assert.Contains("KS at 5%", output);
        Assert.Contains("replaying authors", error);

        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("timestampResolutionSeconds").GetInt32());
        var authors = root.GetProperty("authors").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        Assert.Equal(["Dana Quick", "Eli Slow"], authors.Keys.Order());
        foreach (var a in authors.Values)
        {
            // 80% of 60 answers train; of the other 12, the first answers a question asked before the split (training
            // context, not a held-out gap), so 11 are held out.
            Assert.Equal(48, a.GetProperty("trainGaps").GetInt32());
            Assert.Equal(11, a.GetProperty("testGaps").GetInt32());
            Assert.True(a.GetProperty("p").GetDouble() > 0.05, a.ToString());
            Assert.InRange(a.GetProperty("medianRatio").GetDouble(), 0.5, 2);
        }
        // The planner keeps each mentor's pace: a 40-second replier is not made to wait like a 20-minute one.
        Assert.InRange(authors["Dana Quick"].GetProperty("drawnMedianSeconds").GetDouble(), 20, 90);
        Assert.InRange(authors["Eli Slow"].GetProperty("drawnMedianSeconds").GetDouble(), 600, 1800);
        Assert.Equal(1.0, root.GetProperty("summary").GetProperty("passRate").GetDouble());

        // Active hours over every author with enough messages; the population's capture recomputed from the export itself:
        // both mentors' earliest 48 of 60 messages by hour of week, and each mentor's later 12 in its 24 busiest hours.
        var hours = root.GetProperty("summary").GetProperty("activeHours");
        Assert.Equal(2, hours.GetProperty("authors").GetInt32());
        var export = ZulipExportReader.Read(input);
        var own = new[] { 1L, 2L }.ToDictionary(m => m, m => export.Messages.Where(x => x.SenderId == m).OrderBy(x => x.SentAt).ThenBy(x => x.Id).ToList());
        var population = new double[168];
        foreach (var list in own.Values)
            foreach (var m in list.Take(48)) population[HourOfWeek(m.SentAt)]++;
        var top = Enumerable.Range(0, 168).OrderByDescending(h => population[h]).ThenBy(h => h).Take(24).ToHashSet();
        var expected = own.Values.Average(list => list.Skip(48).Count(m => top.Contains(HourOfWeek(m.SentAt))) / (double)list.Skip(48).Count());
        Assert.Equal(expected, hours.GetProperty("populationTop24").GetDouble(), 9);
        foreach (var name in new[] { "learnedTop24", "learnedTop48", "ownOnlyTop24", "rawTop24" })
            Assert.InRange(hours.GetProperty(name).GetDouble(), 0, 1);
        Assert.True(hours.GetProperty("learnedTop48").GetDouble() >= hours.GetProperty("learnedTop24").GetDouble());

        var page = File.ReadAllText(html);
        Assert.Contains("Real and drawn reply times", page);
        Assert.Contains("Dana Quick: 11 held-out gaps", page);
        Assert.Contains("<svg", page);
    }

    [Fact]
    public async Task Minute_timestamps_are_detected_and_both_samples_are_stamped_alike()
    {
        var (code, output, error) = await LabTestData.RunAsync("timing", "--input", WriteExport(minutes: true), "--min-messages", "50");
        Assert.True(code == 0, error);
        Assert.Contains("timestamps every 60 s", output);
        var export = ZulipExportReader.Read(WriteExport(minutes: true));
        Assert.Equal(60, TimingExperiment.Resolution(export.Messages));
        var times = TimingExperiment.Dequantised(export.Messages, 60);
        // Learning sees a point within each message's minute, never out of its conversation's order.
        foreach (var conversation in export.Messages.GroupBy(m => m.Conversation))
        {
            DateTimeOffset? previous = null;
            foreach (var m in conversation)
            {
                var t = times[m.Id];
                Assert.InRange((t - m.SentAt).TotalSeconds, 0, 120);
                if (previous is { } p) Assert.True(t > p);
                previous = t;
            }
        }
    }

    [Fact]
    public async Task Too_few_reply_gaps_is_explained()
    {
        var (code, _, error) = await LabTestData.RunAsync("timing", "--input", LabTestData.ExportFolder, "--min-messages", "20");
        Assert.Equal(2, code);
        Assert.Contains("held-out reply gaps", error);
        Assert.DoesNotContain("   at ", error);
    }

    private static int HourOfWeek(DateTimeOffset at) => ((int)at.UtcDateTime.DayOfWeek + 6) % 7 * 24 + at.UtcDateTime.Hour;
}
