using Azure;
using Azure.Data.Tables;

namespace MentorFunctions.Core.Storage;

internal static class TableClientExtensions
{
    /// <summary>Deletes an entity whatever its ETag; false when it was already gone (erasure and clean-up are idempotent).</summary>
    public static async Task<bool> DeleteIfExistsAsync(this TableClient table, string partitionKey, string rowKey, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Deletes every entity matching <paramref name="filter"/> whose keys pass <paramref name="doomed"/>; returns how many
    /// were deleted. Keys are collected first so deleting never disturbs the query's paging.
    /// </summary>
    public static async Task<int> DeleteWhereAsync(this TableClient table, string filter, Func<string, string, bool> doomed, CancellationToken ct)
    {
        var keys = new List<(string Pk, string Rk)>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct).ConfigureAwait(false))
        {
            if (doomed(e.PartitionKey, e.RowKey))
                keys.Add((e.PartitionKey, e.RowKey));
        }
        var deleted = 0;
        foreach (var (pk, rk) in keys)
        {
            if (await table.DeleteIfExistsAsync(pk, rk, ct).ConfigureAwait(false))
                deleted++;
        }
        return deleted;
    }

    /// <summary>A filter for the partition keys that start with <paramref name="prefix"/>.</summary>
    public static string PartitionPrefixFilter(string prefix)
    {
        // The next string after every key with this prefix: the prefix with its last character incremented.
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        return TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {upper}");
    }
}
