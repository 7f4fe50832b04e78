using Azure.Data.Tables;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;

namespace MentorFunctions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class MentorRegistryTableTests(AzuriteFixture azurite)
{
    private const string Bot = "Mentor-Bot@zulip.example.com";
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly TableStore _store = azurite.CreateStore("registry");
    private TableMentorRegistry Registry => new(_store);

    private static PairRecord Pair(long mentor, long student, string bot = Bot) =>
        new(bot, mentor, student, $"s{student}@zulip.example.com", $"Student {student}", T0, EnrolmentSource.Admin);

    [Fact]
    public async Task A_mentor_and_their_settings_round_trip()
    {
        var mentor = new MentorRecord(Bot, 10, "ada@zulip.example.com", "Ada Lovelace", T0, ReplyMode.Draft,
            T0.AddHours(3), "Warm, brief, asks a question back. Uses “curly quotes” and émojis 🎓.");
        await Registry.UpsertMentorAsync(mentor);

        Assert.Equal(mentor, await Registry.GetMentorAsync(Bot, 10));
        // Reads are case-insensitive on the bot, as Zulip's emails are.
        Assert.Equal(mentor, await Registry.GetMentorAsync(Bot.ToLowerInvariant(), 10));
        Assert.Null(await Registry.GetMentorAsync(Bot, 11));
        Assert.Null(await Registry.GetMentorAsync("other-bot@zulip.example.com", 10));

        var resumed = mentor with { Mode = ReplyMode.Auto, PausedUntil = null, Persona = null };
        await Registry.UpsertMentorAsync(resumed);
        Assert.Equal(resumed, await Registry.GetMentorAsync(Bot, 10));
    }

    [Fact]
    public async Task A_change_that_lost_the_race_is_applied_again_to_the_winners_record()
    {
        await Registry.UpsertMentorAsync(new MentorRecord(Bot, 10, "a@x", "A", T0));
        var other = new TableMentorRegistry(_store); // another instance
        var calls = 0;

        var result = await Registry.UpdateMentorAsync(Bot, 10, stored =>
        {
            // The first time, another writer changes the record between this read and this write.
            if (Interlocked.Increment(ref calls) == 1)
                Task.Run(() => other.UpdateMentorAsync(Bot, 10, m => m! with { Persona = "from the other instance" })).GetAwaiter().GetResult();
            return stored! with { PausedUntil = T0.AddHours(1) };
        });

        Assert.Equal(2, calls);
        var expected = new MentorRecord(Bot, 10, "a@x", "A", T0, PausedUntil: T0.AddHours(1), Persona: "from the other instance");
        Assert.Equal(expected, result);
        Assert.Equal(expected, await Registry.GetMentorAsync(Bot, 10));
    }

    [Fact]
    public async Task A_change_keeps_columns_a_newer_version_wrote_and_an_unchanged_record_is_not_written()
    {
        await Registry.UpsertMentorAsync(new MentorRecord(Bot, 10, "a@x", "A", T0));
        var table = await _store.GetTableAsync(TableMentorRegistry.MentorsTable);
        var entity = (await table.GetEntityAsync<TableEntity>(TableKeys.Bot(Bot), TableKeys.Id(10))).Value;
        entity["FutureSetting"] = "kept";
        await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace);

        await Registry.UpdateMentorAsync(Bot, 10, m => m! with { Mode = ReplyMode.Off });
        var written = (await table.GetEntityAsync<TableEntity>(TableKeys.Bot(Bot), TableKeys.Id(10))).Value;
        Assert.Equal("kept", written.GetString("FutureSetting"));
        Assert.Equal("Off", written.GetString("Mode"));

        Assert.Equal(ReplyMode.Off, (await Registry.UpdateMentorAsync(Bot, 10, m => m))!.Mode);
        Assert.Equal(written.ETag, (await table.GetEntityAsync<TableEntity>(TableKeys.Bot(Bot), TableKeys.Id(10))).Value.ETag);
        Assert.Null(await Registry.UpdateMentorAsync(Bot, 99, m => m)); // nothing registered, nothing written
        Assert.Null(await Registry.GetMentorAsync(Bot, 99));
    }

    [Fact]
    public async Task Mentors_are_listed_per_bot()
    {
        await Registry.UpsertMentorAsync(new MentorRecord(Bot, 10, "a@x", "A", T0));
        await Registry.UpsertMentorAsync(new MentorRecord(Bot, 12, "b@x", "B", T0));
        await Registry.UpsertMentorAsync(new MentorRecord("other-bot@zulip.example.com", 11, "c@x", "C", T0));

        var mentors = await Registry.ListMentorsAsync(Bot);

        Assert.Equal([10L, 12L], mentors.Select(m => m.UserId));
    }

    [Fact]
    public async Task Pairs_are_listed_by_mentor_and_by_student()
    {
        await Registry.EnrolAsync(Pair(10, 20));
        await Registry.EnrolAsync(Pair(10, 21));
        await Registry.EnrolAsync(Pair(11, 20));
        await Registry.EnrolAsync(Pair(100, 2)); // ids that share digits with the others must not leak into their ranges

        Assert.Equal([20L, 21L], (await Registry.ListStudentsAsync(Bot, 10)).Select(p => p.StudentId));
        Assert.Equal([10L, 11L], (await Registry.ListMentorsOfStudentAsync(Bot, 20)).Select(p => p.MentorId));
        Assert.Equal(Pair(10, 21), await Registry.GetPairAsync(Bot, 10, 21));
        Assert.Null(await Registry.GetPairAsync(Bot, 21, 10));
        Assert.Empty(await Registry.ListStudentsAsync(Bot, 20));
    }

    [Fact]
    public async Task Enrolling_twice_keeps_the_first_enrolment()
    {
        var first = await Registry.EnrolAsync(Pair(10, 20));
        var second = await Registry.EnrolAsync(Pair(10, 20) with { Source = EnrolmentSource.MentorWrote, EnrolledAt = T0.AddDays(1) });

        Assert.Equal(first, second);
        Assert.Equal(EnrolmentSource.Admin, (await Registry.GetPairAsync(Bot, 10, 20))!.Source);
        Assert.Single(await Registry.ListMentorsOfStudentAsync(Bot, 20));
    }

    [Fact]
    public async Task Concurrent_enrolments_of_one_pair_agree()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Registry.EnrolAsync(Pair(10, 20) with { EnrolledAt = T0.AddMinutes(i) })));
        var stored = await Registry.GetPairAsync(Bot, 10, 20);
        Assert.All(results, r => Assert.Equal(stored, r));
    }

    [Fact]
    public async Task Removing_a_pair_removes_both_listings()
    {
        await Registry.EnrolAsync(Pair(10, 20));

        Assert.True(await Registry.RemovePairAsync(Bot, 10, 20));
        Assert.False(await Registry.RemovePairAsync(Bot, 10, 20));

        Assert.Null(await Registry.GetPairAsync(Bot, 10, 20));
        Assert.Empty(await Registry.ListStudentsAsync(Bot, 10));
        Assert.Empty(await Registry.ListMentorsOfStudentAsync(Bot, 20));
    }

    [Fact]
    public async Task Removing_a_mentor_removes_their_pairs_only()
    {
        await Registry.UpsertMentorAsync(new MentorRecord(Bot, 10, "a@x", "A", T0));
        await Registry.EnrolAsync(Pair(10, 20));
        await Registry.EnrolAsync(Pair(10, 21));
        await Registry.EnrolAsync(Pair(11, 20));

        Assert.True(await Registry.RemoveMentorAsync(Bot, 10));
        Assert.False(await Registry.RemoveMentorAsync(Bot, 10));

        Assert.Null(await Registry.GetMentorAsync(Bot, 10));
        Assert.Empty(await Registry.ListStudentsAsync(Bot, 10));
        Assert.Equal([11L], (await Registry.ListMentorsOfStudentAsync(Bot, 20)).Select(p => p.MentorId));
        Assert.Empty(await Registry.ListMentorsOfStudentAsync(Bot, 21));
    }

    [Fact]
    public async Task A_mode_written_by_a_newer_version_reads_as_off()
    {
        await Registry.UpsertMentorAsync(new MentorRecord(Bot, 10, "a@x", "A", T0));
        var table = await _store.GetTableAsync(TableMentorRegistry.MentorsTable);
        var entity = (await table.GetEntityAsync<TableEntity>(TableKeys.Bot(Bot), TableKeys.Id(10))).Value;
        Assert.Equal(1, entity.GetInt32("Version"));
        entity["Mode"] = "Shadow";
        await table.UpdateEntityAsync(entity, entity.ETag);

        Assert.Equal(ReplyMode.Off, (await Registry.GetMentorAsync(Bot, 10))!.Mode);
    }

    [Fact]
    public async Task A_pair_with_oneself_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Registry.EnrolAsync(Pair(10, 10)));
    }
}
