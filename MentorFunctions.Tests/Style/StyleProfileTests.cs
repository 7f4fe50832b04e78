using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using Xunit.Abstractions;

namespace MentorFunctions.Tests.Style;

public sealed class StyleProfileTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Monday9 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Stays_within_32_KB_after_a_million_messages_and_finds_the_common_phrases()
    {
        var synth = new MessageSynth(seed: 1);
        var mentor = new StyleProfile();
        var pair = new StyleProfile();
        var watch = Stopwatch.StartNew();
        const int messages = 1_000_000;
        for (var i = 0; i < messages; i++)
        {
            // Alternate message sizes so the statistics see spread; mentor and pair scope both learn, as in the store.
            StyleLearner.Learn(synth.Next(i % 3 == 0 ? 80 : 200), Monday9.AddMinutes(i * 7), mentor, i % 10 == 0 ? pair : null);
            if (i % 50 == 0) mentor.AddLatency(TimeSpan.FromSeconds(60 + i % 3600), Monday9.AddMinutes(i * 7), TimeSpan.FromDays(60));
        }
        var ledger = new PairLedger();
        for (long id = 1; id <= 2000; id++) ledger.TryMarkCounted(id * 1_000_003L);
        ledger.LatestUnansweredAt = Monday9;

        var mentorBytes = ProfileCodec.Serialize(mentor);
        var pairBytes = ProfileCodec.Serialize(pair, ledger);
        output.WriteLine($"{messages} messages in {watch.Elapsed.TotalSeconds:F1} s; mentor {mentorBytes.Length} B, pair {pairBytes.Length} B");
        Assert.Equal(messages, mentor.Messages);
        Assert.InRange(mentorBytes.Length, 1, 32 * 1024);
        Assert.InRange(pairBytes.Length, 1, 32 * 1024);

        // The heavy hitters are the planted phrases, not the invented words' chance pairings.
        var phrases = mentor.Phrases.Entries().Take(10).Select(e => e.Text).ToArray();
        var planted = MessageSynth.CommonPhrases.SelectMany(p => p.ToLowerInvariant().Split(' ')).ToHashSet();
        Assert.All(phrases, p => Assert.All(p.Split(' '), w => Assert.Contains(w, planted)));
        Assert.Contains("let me know", mentor.Phrases.Entries().Select(e => e.Text));
        Assert.Contains(mentor.EmojiUse.Entries(), e => e.Text == "👍");
        Assert.Equal(StyleProfile.MaxExemplars, mentor.Exemplars.Count);
    }

    [Fact]
    public void Emoji_heavy_exemplars_and_a_full_ledger_stay_within_the_bound()
    {
        var profile = new StyleProfile();
        var ledger = new PairLedger();
        for (long id = 0; id < 600; id++) ledger.TryMarkCounted(long.MaxValue - id * 7919);
        var random = new Random(5);
        for (var i = 0; i < 5000; i++)
        {
            // 5 words and ~130 emoji: each emoji is 12 bytes of JSON escapes.
            var text = "ok see this now " + string.Concat(Enumerable.Range(0, 130).Select(_ => char.ConvertFromUtf32(0x1F600 + random.Next(60))));
            StyleLearner.Learn(text, Monday9.AddMinutes(i), profile);
        }
        var bytes = ProfileCodec.Serialize(profile, ledger);
        Assert.InRange(bytes.Length, 1, ProfileCodec.MaxBytes);
        Assert.Equal(PairLedger.RecentCapacity, ProfileCodec.Deserialize(bytes).Ledger.RecentIds.Count);
    }

    [Fact]
    public void Round_trips_through_the_stored_form()
    {
        var synth = new MessageSynth(seed: 2, vocabulary: 500);
        var profile = new StyleProfile();
        for (var i = 0; i < 3000; i++) StyleLearner.Learn(synth.Next(), Monday9.AddHours(i), profile);
        profile.AddLatency(TimeSpan.FromMinutes(7), Monday9, TimeSpan.FromDays(60));
        var ledger = new PairLedger { LatestUnansweredAt = Monday9, LatestUnansweredId = 77, LastMentorAt = Monday9.AddDays(-1) };
        ledger.TryMarkCounted(5);
        ledger.TryMarkCounted(3);

        var bytes = ProfileCodec.Serialize(profile, ledger);
        var (copy, copyLedger, version) = ProfileCodec.Deserialize(bytes);

        Assert.Equal(ProfileFormat.CurrentVersion, version);
        Assert.Equal(bytes, ProfileCodec.Serialize(copy, copyLedger));
        Assert.Equal(profile.Chars.Mean, copy.Chars.Mean);
        Assert.Equal(profile.Phrases.Entries().Select(e => (e.Text, e.Count)), copy.Phrases.Entries().Select(e => (e.Text, e.Count)));
        Assert.Equal([3L, 5L], copyLedger.RecentIds);
        Assert.Equal(Monday9, copyLedger.LatestUnansweredAt);
        Assert.Equal(profile.RecentLatency.Weights, copy.RecentLatency.Weights);
        Assert.Equal(Monday9, copy.RecentLatency.At);

        // The restored sketch keeps counting the same items under the same keys.
        StyleLearner.Learn("great question, let me know", Monday9, copy);
        var before = profile.Phrases.Entries().Single(e => e.Text == "great question").Count;
        Assert.Equal(before + 1, copy.Phrases.Entries().Single(e => e.Text == "great question").Count);
    }

    [Fact]
    public void Reads_the_previous_version_without_filters_or_latency_histogram()
    {
        var profile = new StyleProfile();
        for (var i = 0; i < 200; i++) StyleLearner.Learn("Great question! Let me know if it works.", Monday9, profile);
        profile.AddLatency(TimeSpan.FromMinutes(3), Monday9, TimeSpan.FromDays(60));
        var node = JsonNode.Parse(ProfileCodec.SerializeJson(profile))!.AsObject();
        node["v"] = 1;
        node.Remove("latencyBins");
        node.Remove("rl");
        node.Remove("ra");
        foreach (var sketch in new[] { "phrases", "openers", "closers", "emojiUse" })
            node[sketch]!.AsObject().Remove("f");
        var v1 = Encoding.UTF8.GetBytes(node.ToJsonString());

        var (copy, _, version) = ProfileCodec.Deserialize(v1);
        Assert.Equal(1, version);
        Assert.Equal(200, copy.Messages);
        Assert.Equal(profile.LogLatency.Mean, copy.LogLatency.Mean);
        Assert.All(copy.LatencyBins, b => Assert.Equal(0, b));
        Assert.Equal(200, copy.Phrases.Entries().Single(e => e.Text == "great question").Count);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"n\":3}")]
    [InlineData("{\"v\":2,\"phrases\":{\"t\":[\"a\",\"b\"],\"c\":[1]}}")]
    public void Rejects_unreadable_data_with_a_typed_error(string data)
    {
        Assert.Throws<ProfileFormatException>(() => ProfileCodec.Deserialize(Encoding.UTF8.GetBytes(data)));
    }

    [Fact]
    public void Counts_activity_by_hour_of_week_from_monday_midnight_utc()
    {
        Assert.Equal(0, StyleProfile.HourOfWeek(new DateTimeOffset(2026, 3, 2, 0, 30, 0, TimeSpan.Zero)));
        Assert.Equal(167, StyleProfile.HourOfWeek(new DateTimeOffset(2026, 3, 8, 23, 59, 0, TimeSpan.Zero)));
        // 10:00 on Monday at UTC+2 is 08:00 UTC.
        Assert.Equal(8, StyleProfile.HourOfWeek(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void Exemplars_are_typical_messages_not_outliers()
    {
        var profile = new StyleProfile();
        var random = new Random(3);
        string[] typical = ["Sure, that looks right to me now.", "Yes, the loop is fine as it is.", "Try the second version, it is cleaner.", "Good, now run the tests again please."];
        for (var i = 0; i < 400; i++)
        {
            var text = i % 40 == 7
                ? "This one is an unusually long explanation that goes on and on about many different things, far longer than what this mentor normally writes in a chat, with lots of detail about loops and functions and classes, and more detail still about tests."
                : typical[random.Next(typical.Length)];
            StyleLearner.Learn(text, Monday9, profile);
        }
        // Version 3 keeps up to 8; here there are only four distinct typical messages, and the outlier is never one.
        Assert.Equal(typical.Length, profile.Exemplars.Count);
        Assert.All(profile.Exemplars, e => Assert.Contains(e.Text, typical));
    }

    [Fact]
    public void Confidence_grows_with_data_and_falls_with_spread()
    {
        var steady = new StyleProfile();
        var erratic = new StyleProfile();
        var few = new StyleProfile();
        for (var i = 0; i < 200; i++)
        {
            StyleLearner.Learn("Looks good, merge it when the tests pass.", Monday9, steady);
            StyleLearner.Learn(i % 2 == 0 ? "ok" : new string('a', 600), Monday9, erratic);
            if (i < 5) StyleLearner.Learn("Looks good, merge it when the tests pass.", Monday9, few);
        }
        Assert.Equal(0, new StyleProfile().Confidence);
        Assert.True(steady.Confidence > 0.85, $"steady {steady.Confidence}");
        Assert.True(erratic.Confidence < steady.Confidence * 0.7, $"erratic {erratic.Confidence}");
        Assert.True(few.Confidence < 0.3, $"few {few.Confidence}");
    }
}
