using Azure.Data.Tables;
using MentorFunctions.Core.Privacy;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Tests.Fixtures;

/// <summary>What the app's tables still hold about someone: the check every `forget` test ends with.</summary>
internal static class StoredRows
{
    /// <summary>
    /// Every row, in every table of this store's prefix, that names the user by id (padded or plain, in keys or values)
    /// or email, or holds <paramref name="text"/> (as a string or in bytes).
    /// </summary>
    public static async Task<List<string>> MentioningAsync(TableStore store, long userId, string email, string? text = null)
    {
        var prefix = store.TableName("");
        var padded = TableKeys.Id(userId);
        var plain = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hits = new List<string>();
        await foreach (var t in store.Service.QueryAsync(filter: (string?)null))
        {
            if (!t.Name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            await foreach (var e in store.Service.GetTableClient(t.Name).QueryAsync<TableEntity>())
            {
                var keys = e.PartitionKey + "/" + e.RowKey;
                var mentions = keys.Contains(padded)
                               || ConversationPartitions.Involves(e.PartitionKey, userId)
                               || e.RowKey.Split('-').Contains(plain)
                               || e.Where(kv => kv.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                                   .Any(kv => kv.Value is long l && l == userId || kv.Value is int i && i == userId
                                              || kv.Value is string s && (s.Contains(email, StringComparison.OrdinalIgnoreCase)
                                                                          || text is not null && s.Contains(text, StringComparison.Ordinal))
                                              || kv.Value is byte[] b && text is not null && System.Text.Encoding.UTF8.GetString(b).Contains(text, StringComparison.Ordinal));
                if (mentions) hits.Add($"{t.Name}/{keys}");
            }
        }
        return hits;
    }
}

/// <summary>The virtual-clock host runs the workflow without Durable: there is no task hub history to purge.</summary>
internal sealed class NoDurableHistories : IConversationHistories
{
    public Task<int> PurgeUserAsync(string botEmail, long userId, CancellationToken cancellationToken) => Task.FromResult(0);
}
