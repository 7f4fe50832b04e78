using Azure.Data.Tables;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Telemetry;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Tests.Style;

[Collection(AzuriteCollection.Name)]
public sealed class ProfileStoreTests(AzuriteFixture azurite)
{
    private const string Bot = "mentor-bot@zulip.example.com";
    private const long MentorId = 11;
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static ConversationKey Pair(long student = 21) => new(Bot, MentorId, student);

    private static ConversationMessage FromMentor(long id, DateTimeOffset at, string text = "Sure, try the second loop and let me know!") =>
        new(id, MentorId, ParticipantRole.Mentor, at, text);

    private static ConversationMessage FromStudent(long id, DateTimeOffset at, long student = 21) =>
        new(id, student, ParticipantRole.Student, at, "how do I fix this?");

    private static ProfileStore NewStore(TableStore tables, MentorMetrics? metrics = null) =>
        new(tables, TimeProvider.System, Options.Create(new StyleOptions()), metrics: metrics);

    private static async Task<(StyleProfile Profile, PairLedger Ledger)?> ReadRowAsync(TableStore tables, string rowKey)
    {
        var table = await tables.GetTableAsync(ProfileStore.TableShortName);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(ProfileStore.PartitionKey(Bot, MentorId), rowKey);
        if (!response.HasValue) return null;
        var (profile, ledger, _) = ProfileCodec.Deserialize(response.Value!.GetBinary("Data"));
        return (profile, ledger);
    }

    [Fact]
    public async Task Sixteen_concurrent_writers_lose_no_update()
    {
        var tables = azurite.CreateStore("concurrent");
        const int writers = 16;
        const int perWriter = 4;
        // Each writer is its own store instance, as separate Function hosts would be; half write to one pair, half to others.
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var conflicts = new MetricCollector<long>(meters, MentorMetrics.MeterName, MentorMetrics.ProfileWriteConflicts);
        var metrics = new MentorMetrics(meters);
        var stores = Enumerable.Range(0, writers).Select(_ => NewStore(tables, metrics)).ToArray();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var store = stores[w];
            for (var i = 0; i < perWriter; i++)
            {
                var id = 1000 + w * perWriter + i;
                var student = w % 2 == 0 ? 21 : 30 + w;
                Assert.True(await store.RecordAsync(Pair(student), FromMentor(id, T0.AddMinutes(id))));
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        Assert.True(stores.Sum(s => s.Conflicts) > 0, "the writers never collided: the test did not exercise concurrency");
        // Every conflict met is counted on the product's meter.
        Assert.Equal(stores.Sum(s => s.Conflicts), conflicts.GetMeasurementSnapshot().Sum(m => m.Value));

        var mentor = await ReadRowAsync(tables, ProfileStore.MentorRow);
        Assert.Equal(writers * perWriter, mentor!.Value.Profile.Messages);
        Assert.Equal(writers * perWriter, mentor.Value.Profile.Chars.Count);
        var shared = await ReadRowAsync(tables, ProfileStore.PairRow(21));
        Assert.Equal(writers / 2 * perWriter, shared!.Value.Profile.Messages);
        Assert.Equal(writers / 2 * perWriter, shared.Value.Ledger.RecentIds.Count);
        Assert.Equal(writers * perWriter, mentor.Value.Profile.Phrases.Entries().Single(e => e.Text == "let me know").Count);
    }

    [Fact]
    public async Task A_message_is_counted_once_however_often_and_concurrently_it_arrives()
    {
        var tables = azurite.CreateStore("dedup");
        var store = NewStore(tables);
        Assert.True(await store.RecordAsync(Pair(), FromMentor(500, T0)));
        Assert.False(await store.RecordAsync(Pair(), FromMentor(500, T0)));

        // Zulip's re-sends race each other: exactly one of them counts.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => NewStore(tables).RecordAsync(Pair(), FromMentor(501, T0.AddMinutes(1))))));
        Assert.Equal(1, results.Count(r => r));
        // An earlier id arriving late is still new.
        Assert.True(await store.RecordAsync(Pair(), FromStudent(400, T0.AddMinutes(-5))));
        Assert.False(await store.RecordAsync(Pair(), FromStudent(400, T0.AddMinutes(-5))));

        var mentor = await ReadRowAsync(tables, ProfileStore.MentorRow);
        Assert.Equal(2, mentor!.Value.Profile.Messages);
    }

    [Fact]
    public async Task Learns_reply_latency_from_the_latest_unanswered_student_message()
    {
        var tables = azurite.CreateStore("latency");
        var store = NewStore(tables);
        await store.RecordAsync(Pair(), FromStudent(1, T0));
        // A student message touches only the pair entity: nothing learned of the mentor's style yet.
        Assert.Null(await ReadRowAsync(tables, ProfileStore.MentorRow));
        await store.RecordAsync(Pair(), FromStudent(2, T0.AddMinutes(4)));
        await store.RecordAsync(Pair(), FromMentor(3, T0.AddMinutes(10)));
        await store.RecordAsync(Pair(), FromMentor(4, T0.AddMinutes(11))); // no one waiting: no sample

        var mentor = (await ReadRowAsync(tables, ProfileStore.MentorRow))!.Value.Profile;
        var pair = (await ReadRowAsync(tables, ProfileStore.PairRow(21)))!.Value;
        Assert.Equal(1, mentor.LogLatency.Count);
        Assert.Equal(Math.Log(360), mentor.LogLatency.Mean, 9);
        Assert.Equal(Math.Log(360), pair.Profile.LogLatency.Mean, 9);
        Assert.Null(pair.Ledger.LatestUnansweredAt);
        Assert.Equal(2, pair.Profile.Messages);

        var snapshot = await store.ReadMentorAsync(Bot, MentorId);
        var w = 1 / (1 + StylePrior.Default.LatencyPseudoCount);
        Assert.Equal(w * Math.Log(360) + (1 - w) * Math.Log(900), snapshot.Timing.LogMeanSeconds, 9);
        Assert.Equal(1, snapshot.Timing.LatencySamples);
    }

    [Fact]
    public async Task Reading_for_a_reply_blends_pair_and_mentor_and_a_new_mentor_reads_as_the_prior()
    {
        var tables = azurite.CreateStore("read");
        var store = NewStore(tables);
        var fresh = await store.ReadForReplyAsync(Pair());
        Assert.Equal(0, fresh.MessagesSeen);
        Assert.Equal(StylePrior.Default.MeanChars, fresh.MeanChars, 9);

        for (var i = 0; i < 30; i++)
            await store.RecordAsync(Pair(40), FromMentor(100 + i, T0.AddMinutes(i), "Good afternoon. Could you please share the full error? Thank you."));
        await store.RecordAsync(Pair(21), FromMentor(200, T0, "lol yeah gonna check"));

        var other = await store.ReadForReplyAsync(Pair(21));
        Assert.Equal(31, other.MessagesSeen);
        Assert.True(other.Formality > 0.2, $"formality {other.Formality}");
        var expected = StyleBlend.Read(MentorId,
            (await ReadRowAsync(tables, ProfileStore.MentorRow))!.Value.Profile,
            (await ReadRowAsync(tables, ProfileStore.PairRow(21)))!.Value.Profile);
        Assert.Equal(expected.MeanChars, other.MeanChars, 9);
        Assert.Equal(expected.Formality, other.Formality, 9);
    }

    [Fact]
    public async Task A_replys_exemplars_come_only_from_that_pairs_own_conversation()
    {
        var tables = azurite.CreateStore("exemplars");
        var store = NewStore(tables);
        for (var i = 0; i < 12; i++)
            await store.RecordAsync(Pair(40), FromMentor(100 + i, T0.AddMinutes(i), $"Kim, about your family situation we discussed: note {i} stays between us."));

        var forSam = await store.ReadForReplyAsync(Pair(21));
        var mentorView = await store.ReadMentorAsync(Bot, MentorId);

        Assert.Empty(forSam.Exemplars);
        Assert.NotEmpty(mentorView.Exemplars);
        await store.RecordAsync(Pair(21), FromMentor(300, T0.AddHours(1), "Sam, the loop bound is off by one, check it."));
        var later = await store.ReadForReplyAsync(Pair(21));
        Assert.Equal(["Sam, the loop bound is off by one, check it."], later.Exemplars);
        Assert.True(later.MessagesSeen >= 12); // the statistics still come from everything the mentor wrote
    }

    [Fact]
    public async Task Erases_a_pair_or_everything_of_a_mentor()
    {
        var tables = azurite.CreateStore("erase");
        var store = NewStore(tables);
        await store.RecordAsync(Pair(21), FromMentor(1, T0));
        await store.RecordAsync(Pair(22), FromMentor(2, T0));
        await store.RecordAsync(new ConversationKey(Bot, 99, 21), new ConversationMessage(3, 99, ParticipantRole.Mentor, T0, "hi"));

        await store.DeletePairProfileAsync(Bot, MentorId, 21);
        await store.DeletePairProfileAsync(Bot, MentorId, 21); // gone already: fine
        Assert.Null(await ReadRowAsync(tables, ProfileStore.PairRow(21)));
        Assert.NotNull(await ReadRowAsync(tables, ProfileStore.PairRow(22)));

        await store.DeleteMentorProfilesAsync(Bot, MentorId);
        Assert.Null(await ReadRowAsync(tables, ProfileStore.MentorRow));
        Assert.Null(await ReadRowAsync(tables, ProfileStore.PairRow(22)));
        Assert.Equal(0, (await store.ReadMentorAsync(Bot, MentorId)).MessagesSeen);
        Assert.Equal(1, (await store.ReadMentorAsync(Bot, 99)).MessagesSeen); // another mentor untouched
    }

    [Fact]
    public async Task Refuses_bad_input_with_argument_errors()
    {
        var store = NewStore(azurite.CreateStore("bad"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordAsync(Pair(), new ConversationMessage(0, MentorId, ParticipantRole.Mentor, T0, "x")));
        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordAsync(Pair(), new ConversationMessage(5, 999, ParticipantRole.Mentor, T0, "x")));
        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordAsync(new ConversationKey(Bot, 5, 5), FromStudent(5, T0, 5)));
        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordAsync(new ConversationKey("a/b@x", MentorId, 21), FromMentor(5, T0)));
        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordAsync(Pair(), new ConversationMessage(6, MentorId, (ParticipantRole)7, T0, "x")));
    }

    [Fact]
    public async Task Will_not_overwrite_a_newer_format_and_reads_damaged_data_as_the_prior()
    {
        var tables = azurite.CreateStore("format");
        var store = NewStore(tables);
        var table = await tables.GetTableAsync(ProfileStore.TableShortName);
        var pk = ProfileStore.PartitionKey(Bot, MentorId);
        await table.UpsertEntityAsync(new TableEntity(pk, ProfileStore.MentorRow) { ["Data"] = "{\"v\":99,\"n\":5}"u8.ToArray() });
        await Assert.ThrowsAsync<ProfileFormatException>(() => store.RecordAsync(Pair(), FromMentor(1, T0)));

        await table.UpsertEntityAsync(new TableEntity(pk, ProfileStore.MentorRow) { ["Data"] = "garbage"u8.ToArray() });
        var snapshot = await store.ReadMentorAsync(Bot, MentorId);
        Assert.Equal(0, snapshot.MessagesSeen);
        Assert.Equal(StylePrior.Default.MeanChars, snapshot.MeanChars, 9);
    }

    [Fact]
    public async Task Registers_one_store_for_recording_and_reading_with_bound_options()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Style:MaxWriteAttempts"] = "7" })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(azurite.CreateStore("di"))
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddMentorStyle();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var recorder = provider.GetRequiredService<IMessageRecorder>();
        Assert.Same(recorder, provider.GetRequiredService<IStyleProfileReader>());
        Assert.Same(recorder, provider.GetRequiredService<ProfileStore>());
        Assert.Equal(7, provider.GetRequiredService<IOptions<StyleOptions>>().Value.MaxWriteAttempts);
        Assert.True(await recorder.RecordAsync(Pair(), FromMentor(1, T0)));
    }
}
