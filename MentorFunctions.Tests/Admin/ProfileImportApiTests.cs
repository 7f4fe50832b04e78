using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorFunctions.Core.Admin;
using MentorFunctions.Core.Consent;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Style;

namespace MentorFunctions.Tests.Admin;

/// <summary>
/// The admin route that merges a profile learned from a mentor's history (mentor-lab import) into the stored one, in the
/// app as the Functions host composes it: real profile, consent and audit tables in Azurite, and `forget`.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProfileImportApiTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly MentorApp.User Ana = new(101, "ana@mentoring.example.com", "Ana Lima");
    private static readonly MentorApp.User Sam = new(201, "sam@mentoring.example.com", "Sam Park");
    private const long Kim = 202;
    private const string Bot = MentorApp.Bot;

    [Fact]
    public async Task An_import_merges_into_the_stored_profile_once_records_the_consent_and_is_audited()
    {
        await using var app = await StartAsync();
        // What the bot learned live: a few of Ana's messages to Sam.
        var store = app.Get<ProfileStore>();
        for (var i = 0; i < 12; i++)
        {
            var m = new ConversationMessage(5000 + i, Ana.Id, ParticipantRole.Mentor, Monday10.AddMinutes(i), $"Live answer number {i}, try the loop again.");
            Assert.True(await store.RecordAsync(new ConversationKey(Bot, Ana.Id, Sam.Id), m));
        }
        var live = await ReadAsync(app, ProfileStore.MentorRow);
        var (history, pair) = History(Kim, 300);

        var body = Body("imp-1", history, new() { [Kim] = pair }, conversations: [Kim], messages: 600, exemplars: true);
        var first = await Import(app, body);
        Assert.Equal(201, first.Status);
        using (var doc = JsonDocument.Parse(first.Json))
        {
            Assert.True(doc.RootElement.GetProperty("merged").GetBoolean());
            Assert.Equal(12, doc.RootElement.GetProperty("messagesBefore").GetInt64());
            Assert.Equal(12 + history.Messages, doc.RootElement.GetProperty("messagesAfter").GetInt64());
        }

        // The stored profile is the live one merged with the history, exactly; Kim's pair profile is the imported one.
        var expected = live;
        expected.Merge(history, new StyleOptions().LatencyHalfLife);
        var stored = await ReadAsync(app, ProfileStore.MentorRow);
        Assert.Equal(expected.Messages, stored.Messages);
        Assert.Equal(expected.Chars.Count, stored.Chars.Count);
        Assert.Equal(expected.Chars.Mean, stored.Chars.Mean, 9);
        Assert.Equal(expected.LatencyBins, stored.LatencyBins);
        Assert.Equal(expected.Activity, stored.Activity);
        Assert.Equal(expected.Phrases.Entries(), stored.Phrases.Entries());
        var storedPair = await ReadAsync(app, ProfileStore.PairRow(Kim));
        Assert.Equal((pair.Messages, pair.LogLatency.Count), (storedPair.Messages, storedPair.LogLatency.Count));
        Assert.Equal(pair.LatencyBins, storedPair.LatencyBins);
        Assert.Equal(pair.Phrases.Entries(), storedPair.Phrases.Entries());
        Assert.Equal(pair.Exemplars.Select(e => e.Text).Order(), storedPair.Exemplars.Select(e => e.Text).Order());
        Assert.NotEmpty(stored.Exemplars);

        // The same upload again (a retry) merges nothing.
        var again = await Import(app, body);
        Assert.Equal(200, again.Status);
        Assert.False(JsonDocument.Parse(again.Json).RootElement.GetProperty("merged").GetBoolean());
        Assert.Equal(expected.Messages, (await ReadAsync(app, ProfileStore.MentorRow)).Messages);

        var record = await app.Get<ProfileImportRecords>().GetAsync(Bot, Ana.Id, "imp-1", default);
        Assert.NotNull(record);
        Assert.Equal(("ana@mentoring.example.com", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), 600L, ProfileImportSource.Zuliprc, true),
            (record.GrantedBy, record.GrantedAt, record.Messages, record.Source, record.Exemplars));
        Assert.Equal(new long[] { Kim }, record.Conversations);
        Assert.Equal((12L, expected.Messages), (record.ProfileMessagesBefore, record.ProfileMessagesAfter));

        var audit = await app.Get<IAuditReader>().ReadAsync(Bot, Ana.Id, null, 10, default).ToListAsync();
        var entry = Assert.Single(audit, e => e.Event == "profile-import");
        Assert.Equal(Ana.Id, entry.MentorId);
        Assert.Contains("600 messages of 1 conversations", entry.Detail);
        Assert.Contains("granted by ana@mentoring.example.com", entry.Detail);
    }

    [Fact]
    public async Task Without_consent_to_exemplars_the_imported_exemplars_are_dropped()
    {
        await using var app = await StartAsync();
        var (history, pair) = History(Kim, 200);
        Assert.NotEmpty(history.Exemplars);
        var r = await Import(app, Body("imp-2", history, new() { [Kim] = pair }, conversations: [Kim], messages: 400, exemplars: false));
        Assert.Equal(201, r.Status);
        Assert.Empty((await ReadAsync(app, ProfileStore.MentorRow)).Exemplars);
        Assert.Empty((await ReadAsync(app, ProfileStore.PairRow(Kim))).Exemplars);
        Assert.Equal(history.Messages, (await ReadAsync(app, ProfileStore.MentorRow)).Messages);
    }

    public static TheoryData<string, int, string> BadBodies()
    {
        var (history, _) = History(Kim, 40);
        var good = Body("imp-bad", history, [], conversations: [Kim], messages: 80, exemplars: true);
        string Edit(Action<JsonObject> change)
        {
            var node = JsonNode.Parse(good)!.AsObject();
            change(node);
            return node.ToJsonString();
        }
        return new TheoryData<string, int, string>
        {
            { "", 400, "body" },
            { "{\"profile\": {", 400, "body" },
            { "[1]", 400, "body" },
            { Edit(n => n["profile"]!["v"] = ProfileFormat.CurrentVersion + 1), 400, "profile.v" },
            { Edit(n => n["profile"]!.AsObject().Remove("v")), 400, "profile.v" },
            { Edit(n => n["profile"]!["n"] = "many"), 400, "profile" },
            { Edit(n => n["profile"]!["n"] = -5), 400, "profile" },
            { Edit(n => n["profile"]!["chars"]!["mean"] = "NaN"), 400, "profile" },
            { Edit(n => n["profile"]!["fw"] = "!!not base64!!"), 400, "profile" },
            { Edit(n => n.Remove("profile")), 400, "profile" },
            { Edit(n => n.Remove("consent")), 400, "consent" },
            { Edit(n => n["consent"]!["grantedAt"] = "yesterday"), 400, "consent.grantedAt" },
            { Edit(n => n["consent"]!["conversations"] = new JsonArray()), 400, "consent.conversations" },
            { Edit(n => n["consent"]!["conversations"] = new JsonArray(Ana.Id)), 400, "consent.conversations" },
            { Edit(n => n["consent"]!["messages"] = 3), 400, "consent.messages" },
            { Edit(n => n["consent"]!["source"] = "screenshots"), 400, "consent.source" },
            { Edit(n => n["consent"]!["exemplars"] = "yes"), 400, "consent.exemplars" },
            { Edit(n => n["importId"] = "no spaces allowed"), 400, "importId" },
            { Edit(n => n["pairs"] = new JsonObject { ["999"] = n["profile"]!.DeepClone() }), 400, "pairs.999" },
            { Edit(n => n["pairs"] = new JsonObject { ["kim"] = n["profile"]!.DeepClone() }), 400, "pairs.kim" },
            // Named by the consent, but not a student registered with Ana.
            { Edit(n => { n["consent"]!["conversations"] = new JsonArray(Kim, 777); n["pairs"] = new JsonObject { ["777"] = n["profile"]!.DeepClone() }; }), 400, "pairs.777" },
            { Edit(n => n["padding"] = new string('x', AdminApi.MaxImportBytes)), 413, "body" },
        };
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_a_typed_4xx_naming_the_field_and_changes_nothing(string body, int status, string field)
    {
        await using var app = await StartAsync();
        var before = await StoredRows.MentioningAsync(app.Get<TableStore>(), Kim, "kim@example.org");
        var r = await Import(app, body);
        Assert.Equal(status, r.Status);
        using var doc = JsonDocument.Parse(r.Json);
        Assert.Contains(field, doc.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Equal(before, await StoredRows.MentioningAsync(app.Get<TableStore>(), Kim, "kim@example.org"));
        Assert.Empty(await app.Get<ProfileImportRecords>().ListAsync(Bot, null, default));
    }

    [Fact]
    public async Task An_unknown_mentor_or_bot_is_refused()
    {
        await using var app = await StartAsync();
        var (history, _) = History(Kim, 20);
        var body = Body("imp-3", history, [], conversations: [Kim], messages: 40, exemplars: false);
        Assert.Equal(404, (await app.Get<AdminApi>().ImportProfileAsync(Bot, "999", body, default)).Status);
        Assert.Equal(400, (await app.Get<AdminApi>().ImportProfileAsync("other@x.org", Ana.Id.ToString(), body, default)).Status);
    }

    [Fact]
    public async Task Forget_erases_the_consent_records_of_a_mentor_and_a_students_id_from_them()
    {
        await using var app = await StartAsync();
        var (history, pair) = History(Kim, 60);
        Assert.Equal(201, (await Import(app, Body("imp-4", history, new() { [Kim] = pair }, conversations: [Kim, Sam.Id], messages: 120, exemplars: true))).Status);

        var eraser = app.Get<UserDataEraser>();
        var kimErased = await eraser.EraseAsync(Bot, Kim, default);
        Assert.Contains(kimErased.Stores, s => s.Store == "profile imports" && s.Deleted == 1);
        var record = await app.Get<ProfileImportRecords>().GetAsync(Bot, Ana.Id, "imp-4", default);
        Assert.Equal(new long[] { Sam.Id }, record!.Conversations);
        // Only the queued purge of Kim's conversation histories names Kim now (the maintenance run carries it out).
        Assert.Equal([], (await StoredRows.MentioningAsync(app.Get<TableStore>(), Kim, "kim@example.org")).Where(r => !r.Contains("historypurge/", StringComparison.Ordinal)));

        var anaErased = await eraser.EraseAsync(Bot, Ana.Id, default);
        Assert.True(anaErased.Complete);
        Assert.Empty(await app.Get<ProfileImportRecords>().ListAsync(Bot, null, default));
        Assert.Equal([], (await StoredRows.MentioningAsync(app.Get<TableStore>(), Ana.Id, Ana.Email, "ana@mentoring.example.com")).Where(r => !r.Contains("historypurge/", StringComparison.Ordinal)));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private async Task<MentorApp> StartAsync()
    {
        var app = new MentorApp(azurite, Monday10);
        var registered = await app.Get<AdminApi>().RegisterMentorAsync(
            $$"""{"botEmail":"{{Bot}}","userId":{{Ana.Id}},"email":"{{Ana.Email}}","fullName":"{{Ana.FullName}}"}""", default);
        Assert.Equal(201, registered.Status);
        var paired = await app.Get<AdminApi>().RegisterPairAsync(
            $$"""{"botEmail":"{{Bot}}","mentorId":{{Ana.Id}},"studentId":{{Kim}},"studentEmail":"kim@example.org","studentFullName":"Kim Lee"}""", default);
        Assert.Equal(201, paired.Status);
        return app;
    }

    private static Task<AdminResult> Import(MentorApp app, string body) =>
        app.Get<AdminApi>().ImportProfileAsync(Bot, Ana.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), body, default);

    private static async Task<StyleProfile> ReadAsync(MentorApp app, string row)
    {
        var table = await app.Get<TableStore>().GetTableAsync(ProfileStore.TableShortName);
        var entity = await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(ProfileStore.PartitionKey(Bot, Ana.Id), row);
        return ProfileCodec.Deserialize(entity.Value.GetBinary("Data")).Profile;
    }

    /// <summary>A history of Ana with one student, learned as mentor-lab import learns it: the mentor and the pair profile.</summary>
    private static (StyleProfile Mentor, StyleProfile Pair) History(long studentId, int turns)
    {
        var synth = new MessageSynth(seed: (int)studentId);
        var mentor = new StyleProfile();
        var pair = new StyleProfile();
        var ledger = new PairLedger();
        var at = Monday10.AddDays(-90);
        long id = 1;
        for (var i = 0; i < turns; i++)
        {
            var question = new ConversationMessage(id++, studentId, ParticipantRole.Student, at, synth.Next(60));
            at = at.AddMinutes(3 + i % 40);
            var answer = new ConversationMessage(id++, Ana.Id, ParticipantRole.Mentor, at, synth.Next(120));
            at = at.AddHours(5);
            foreach (var m in new[] { question, answer })
                if (ledger.TryMarkCounted(m.MessageId)) StyleLearner.Record(m, ledger, pair, m.Role == ParticipantRole.Mentor ? mentor : null, new StyleOptions());
        }
        return (mentor, pair);
    }

    private static string Body(string importId, StyleProfile profile, Dictionary<long, StyleProfile> pairs, long[] conversations, long messages, bool exemplars)
    {
        var body = new JsonObject
        {
            ["importId"] = importId,
            ["profile"] = JsonNode.Parse(ProfileCodec.SerializeJson(profile)),
            ["consent"] = new JsonObject
            {
                ["grantedBy"] = Ana.Email,
                ["grantedAt"] = "2026-03-01T09:00:00Z",
                ["conversations"] = new JsonArray(conversations.Select(c => (JsonNode)c).ToArray()),
                ["messages"] = messages,
                ["source"] = "zuliprc",
                ["exemplars"] = exemplars,
            },
        };
        if (pairs.Count > 0)
        {
            var p = new JsonObject();
            foreach (var (student, profileOfPair) in pairs) p[student.ToString(System.Globalization.CultureInfo.InvariantCulture)] = JsonNode.Parse(ProfileCodec.SerializeJson(profileOfPair));
            body["pairs"] = p;
        }
        return body.ToJsonString();
    }
}
