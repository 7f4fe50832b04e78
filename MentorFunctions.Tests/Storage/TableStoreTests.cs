using Azure.Data.Tables;
using MentorFunctions.Tests.Fixtures;

namespace MentorFunctions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Creates_a_prefixed_table_once_and_round_trips_an_entity()
    {
        var store = azurite.CreateStore("store");
        var table = await store.GetTableAsync("things");
        var again = await store.GetTableAsync("things");
        Assert.Same(table, again);
        Assert.StartsWith("tstore", table.Name);

        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 42 });
        var read = await table.GetEntityAsync<TableEntity>("p", "r");
        Assert.Equal(42, read.Value.GetInt32("Value"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("with-dash")]
    public void Rejects_a_prefix_that_is_not_a_valid_table_name_start(string prefix)
    {
        Assert.Throws<ArgumentException>(() => new MentorFunctions.Core.Storage.TableStore(azurite.CreateServiceClient(), prefix));
    }
}
