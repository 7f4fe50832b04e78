using Azure.Data.Tables;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;

namespace MentorFunctions.Tests.Languages;

/// <summary>A mentor's chosen language is kept with their record, and one this version does not write is ignored.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MentorLanguageSettingTests(AzuriteFixture azurite)
{
    private const string Bot = "lang-bot@example.org";

    [Fact]
    public async Task The_setting_survives_a_round_trip_and_an_unknown_one_reads_as_none()
    {
        var store = azurite.CreateStore("langset");
        var registry = new TableMentorRegistry(store);
        var mentor = new MentorRecord(Bot, 5, "ana@example.org", "Ana Lima", DateTimeOffset.UnixEpoch, Language: "de");
        await registry.UpsertMentorAsync(mentor);
        Assert.Equal("de", (await registry.GetMentorAsync(Bot, 5))!.Language);

        await registry.UpsertMentorAsync(mentor with { Language = null });
        Assert.Null((await registry.GetMentorAsync(Bot, 5))!.Language);

        // As a newer version supporting Dutch would store it.
        var table = await store.GetTableAsync(TableMentorRegistry.MentorsTable);
        var row = (await table.GetEntityAsync<TableEntity>(TableKeys.Bot(Bot), TableKeys.Id(5))).Value;
        row["Language"] = "nl";
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        Assert.Null((await registry.GetMentorAsync(Bot, 5))!.Language);
        // ... and an older version's change of another setting keeps it for the newer one.
        await registry.UpdateMentorAsync(Bot, 5, m => m! with { Persona = "I teach maths" });
        Assert.Equal("nl", (await table.GetEntityAsync<TableEntity>(TableKeys.Bot(Bot), TableKeys.Id(5))).Value.GetString("Language"));
    }
}
