using System.Text;
using System.Text.Json.Nodes;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;

namespace MentorFunctions.Tests.Style;

public sealed class ProfileMigrationTests
{
    /// <summary>A version-2 document as version 2 wrote it: a 1,024-bucket phrase filter as numbers, exemplars without axes.</summary>
    private static byte[] Version2Document()
    {
        var filter = new long[1024];
        filter[5] = 3;
        filter[5 + 128] = 7; // folds into bucket 5 of 128
        filter[1023] = 2; // folds into bucket 127
        var doc = new JsonObject
        {
            ["v"] = 2,
            ["n"] = 50,
            ["chars"] = new JsonObject { ["n"] = 50, ["mean"] = 40.0, ["m2"] = 5000.0 },
            ["phrases"] = new JsonObject
            {
                ["t"] = new JsonArray("let me know"), ["k"] = new JsonArray(TextHash.Phrase("let me know")), ["c"] = new JsonArray(9), ["e"] = new JsonArray(0),
                ["f"] = new JsonArray(filter.Select(x => (JsonNode)x).ToArray()),
            },
            ["exemplars"] = new JsonArray(new JsonObject { ["text"] = "Sure, let me know how it goes!", ["chars"] = 30, ["formality"] = 0.0 }),
            ["latencyBins"] = new JsonArray(Enumerable.Range(0, 48).Select(i => (JsonNode)(i == 10 ? 4 : 0)).ToArray()),
        };
        return Encoding.UTF8.GetBytes(doc.ToJsonString());
    }

    [Fact]
    public void A_version_2_profile_reads_as_the_current_version_and_is_rewritten_as_it()
    {
        var (p, _, version) = ProfileCodec.Deserialize(Version2Document());
        Assert.Equal(2, version);
        Assert.Equal(50, p.Messages);
        Assert.Equal(40.0, p.Chars.Mean);
        Assert.Equal(9, p.Phrases.Entries().Single().Count);
        Assert.Equal(StyleProfile.PhraseFilter, p.Phrases.Filter.Length);
        Assert.Equal(7, p.Phrases.Filter[5]); // the larger of the two folded buckets
        Assert.Equal(2, p.Phrases.Filter[127]);
        Assert.Equal(4, p.LatencyBins[10]);
        Assert.Equal(4, p.RecentLatency.Weights[10]); // the planner's histogram starts from the stored counts
        // The new statistics start empty; the exemplar is placed from its text.
        Assert.Equal(0, p.TotalWords);
        Assert.All(p.FunctionWordCounts, c => Assert.Equal(0, c));
        var exemplar = Assert.Single(p.Exemplars);
        var expected = new float[ExemplarSelection.Axes];
        ExemplarSelection.Vector(MessageFeatureExtractor.Extract(exemplar.Text), expected);
        Assert.Equal(expected, exemplar.Axes);

        StyleLearner.Learn("ok, i will check it now", DateTimeOffset.UnixEpoch, p);
        var rewritten = ProfileCodec.Serialize(p);
        Assert.Equal(ProfileBinary.Tag, rewritten[0]);
        var (q, _, current) = ProfileCodec.Deserialize(rewritten);
        Assert.Equal(ProfileFormat.CurrentVersion, current);
        Assert.Equal(51, q.Messages);
        Assert.Equal(p.FunctionWordCounts, q.FunctionWordCounts);
        Assert.Equal(7, q.Phrases.Filter[5]);
        Assert.True(q.FunctionWordCounts[FunctionWords.IndexOf("i")] == 1);
    }

    [Fact]
    public void Damaged_packed_counts_are_a_format_error()
    {
        var doc = JsonNode.Parse(ProfileCodec.SerializeJson(new StyleProfile()))!;
        doc["mk"] = Convert.ToBase64String([0x80, 0x80]); // a varint that never ends
        var e = Assert.Throws<ProfileFormatException>(() => ProfileCodec.Deserialize(Encoding.UTF8.GetBytes(doc.ToJsonString())));
        Assert.Contains("typography counts", e.Message);
    }

    [Fact]
    public void A_version_3_pair_reads_its_first_unanswered_wait_as_the_latest_and_its_latency_counts_as_recent()
    {
        var profile = new StyleProfile();
        profile.AddLatency(TimeSpan.FromMinutes(3), DateTimeOffset.UnixEpoch, TimeSpan.FromDays(60));
        var node = JsonNode.Parse(ProfileCodec.SerializeJson(profile))!.AsObject();
        node["v"] = 3;
        node.Remove("rl");
        node.Remove("ra");
        var waiting = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        node["ledger"] = new JsonObject { ["firstUnansweredAt"] = waiting.ToString("O"), ["firstUnansweredId"] = 77, ["recent"] = new JsonArray(77) };

        var (p, ledger, version) = ProfileCodec.Deserialize(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()));
        Assert.Equal(3, version);
        Assert.Equal(waiting, ledger.LatestUnansweredAt);
        Assert.Equal(77, ledger.LatestUnansweredId);
        Assert.Equal(p.LatencyBins.Select(b => (double)b), p.RecentLatency.Weights);
        Assert.Null(p.RecentLatency.At);
        // The first latency learned after the upgrade decays the old ones from then on.
        p.AddLatency(TimeSpan.FromMinutes(1), waiting, TimeSpan.FromDays(60));
        Assert.Equal(waiting, p.RecentLatency.At);
    }

    private static (StyleProfile Profile, PairLedger Ledger) Rich()
    {
        var profile = new StyleProfile();
        var ledger = new PairLedger();
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));
        string[] lines = ["Hi Sam! Great question, let me know if it works :-)", "ok… i'll check — later (maybe); \"quoted\" text?",
            "Hallo, das ist eine Frage für dich. Viele Grüße", "Olá! Você já tentou isso? 👍", "LOL that is SO cool\nsee you :tada:"];
        for (var i = 0; i < 400; i++)
        {
            StyleLearner.Learn(lines[i % lines.Length] + " " + i, at.AddMinutes(17 * i), profile);
            if (i % 3 == 0) profile.AddLatency(TimeSpan.FromSeconds(20 + 37 * i), at.AddMinutes(17 * i), TimeSpan.FromDays(60));
            ledger.TryMarkCounted(1000 + i);
        }
        ledger.LatestUnansweredAt = at;
        ledger.LatestUnansweredId = 1399;
        ledger.LastMentorAt = at.AddHours(-2);
        return (profile, ledger);
    }

    [Fact]
    public void A_version_4_json_profile_reads_as_exactly_the_same_profile_as_the_binary_form()
    {
        var (profile, ledger) = Rich();
        var fromJson = ProfileCodec.Deserialize(ProfileCodec.SerializeJson(profile, ledger));
        var fromBinary = ProfileCodec.Deserialize(ProfileCodec.Serialize(profile, ledger));
        Assert.Equal(4, fromJson.Version);
        Assert.Equal(ProfileFormat.CurrentVersion, fromBinary.Version);
        // Both read back into the same stored bytes, so every statistic, sketch, exemplar and the ledger agree.
        Assert.Equal(ProfileCodec.Serialize(fromJson.Profile, fromJson.Ledger), ProfileCodec.Serialize(fromBinary.Profile, fromBinary.Ledger));
        Assert.Equal(ProfileCodec.Serialize(profile, ledger), ProfileCodec.Serialize(fromBinary.Profile, fromBinary.Ledger));
        Assert.Equal(profile.Exemplars.Select(e => (e.Text, e.At)), fromBinary.Profile.Exemplars.Select(e => (e.Text, e.At)));
        Assert.Equal(ledger.RecentIds, fromBinary.Ledger.RecentIds);
        Assert.Equal(ledger.LatestUnansweredAt, fromBinary.Ledger.LatestUnansweredAt);
        Assert.True(ProfileCodec.Serialize(profile, ledger).Length < ProfileCodec.SerializeJson(profile, ledger).Length / 2);
    }

    [Fact]
    public void Binary_data_cut_short_or_with_an_absurd_length_is_a_format_error_never_another_exception()
    {
        var (profile, ledger) = Rich();
        var bytes = ProfileCodec.Serialize(profile, ledger);
        for (var cut = 1; cut < bytes.Length; cut += 1 + cut / 16)
            Assert.Throws<ProfileFormatException>(() => ProfileCodec.Deserialize(bytes.AsSpan(0, cut)));
        Assert.Throws<ProfileFormatException>(() => ProfileCodec.Deserialize(ReadOnlySpan<byte>.Empty));
        // Tag, version 5, then a message count followed by a varint that never ends.
        Assert.Throws<ProfileFormatException>(() => ProfileCodec.Deserialize([ProfileBinary.Tag, 5, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]));
        // A sketch claiming 2^40 entries.
        var absurd = new List<byte> { ProfileBinary.Tag, 5, 0 };
        for (var i = 0; i < 6; i++) absurd.AddRange([0, .. new byte[16]]);
        for (var i = 0; i < 12; i++) absurd.Add(0);
        absurd.AddRange([0x80, 0x80, 0x80, 0x80, 0x80, 0x20]);
        Assert.Throws<ProfileFormatException>(() => ProfileCodec.Deserialize(absurd.ToArray()));
    }

    [Theory]
    [InlineData(0L, -60L)] // the first instant, shown an hour earlier: before the calendar begins
    [InlineData(3155378975999999999L, 60L)] // the last instant, shown an hour later
    [InlineData(638_000_000_000_000_000L, long.MinValue)] // an offset no clock has
    [InlineData(638_000_000_000_000_000L, 900L)] // 15 hours
    public void A_stored_time_that_cannot_exist_is_a_format_error(long ticks, long offsetMinutes)
    {
        // The first time field after the ledger flag: an empty profile with a ledger whose wait began at that time.
        var ledger = new PairLedger { LatestUnansweredAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero) };
        var bytes = ProfileCodec.Serialize(new StyleProfile(), ledger).ToList();
        var original = Zigzag(ledger.LatestUnansweredAt.Value.UtcTicks).Concat(Zigzag(0)).ToArray();
        var at = IndexOf(bytes, original);
        Assert.True(at > 0);
        bytes.RemoveRange(at, original.Length);
        bytes.InsertRange(at, Zigzag(ticks).Concat(Zigzag(offsetMinutes)));
        Assert.Throws<ProfileFormatException>(() => ProfileCodec.Deserialize(bytes.ToArray()));
    }

    private static IEnumerable<byte> Zigzag(long v)
    {
        var u = (ulong)((v << 1) ^ (v >> 63));
        while (u >= 0x80) { yield return (byte)(u | 0x80); u >>= 7; }
        yield return (byte)u;
    }

    private static int IndexOf(List<byte> data, byte[] pattern)
    {
        for (var i = data.Count - pattern.Length; i >= 0; i--)
            if (data.Skip(i).Take(pattern.Length).SequenceEqual(pattern)) return i - 1 >= 0 && data[i - 1] == 1 ? i : -1;
        return -1;
    }
}
