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
}
