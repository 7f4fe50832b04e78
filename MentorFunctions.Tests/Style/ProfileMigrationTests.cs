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
        Assert.Equal(ProfileFormat.CurrentVersion, JsonNode.Parse(rewritten)!["v"]!.GetValue<int>());
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
        var doc = JsonNode.Parse(ProfileCodec.Serialize(new StyleProfile()))!;
        doc["mk"] = Convert.ToBase64String([0x80, 0x80]); // a varint that never ends
        var e = Assert.Throws<ProfileFormatException>(() => ProfileCodec.Deserialize(Encoding.UTF8.GetBytes(doc.ToJsonString())));
        Assert.Contains("typography counts", e.Message);
    }

    [Fact]
    public void A_version_3_pair_reads_its_first_unanswered_wait_as_the_latest_and_its_latency_counts_as_recent()
    {
        var profile = new StyleProfile();
        profile.AddLatency(TimeSpan.FromMinutes(3), DateTimeOffset.UnixEpoch, TimeSpan.FromDays(60));
        var node = JsonNode.Parse(ProfileCodec.Serialize(profile))!.AsObject();
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
}
