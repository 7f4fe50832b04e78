using Azure;
using Azure.Data.Tables;

namespace MentorFunctions.Core.Storage;

/// <summary>
/// Counters for the reply limits in table "replylimits": partition = bot, row = a window key the limiter chooses
/// (e.g. one student's hour). Increments are read-modify-write guarded by the ETag and retried on a conflict, so
/// concurrent replies never lose a count.
/// </summary>
public sealed class ReplyLimitCounters(TableStore store)
{
    public const string TableName = "replylimits";
    private const int MaxAttempts = 8;

    public async Task<long> GetAsync(string botEmail, string key, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Bot(botEmail), key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value!.GetInt64("Count") ?? 0 : 0;
    }

    /// <summary>Adds to a counter and returns the new total.</summary>
    public async Task<long> AddAsync(string botEmail, string key, long delta, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var partition = TableKeys.Bot(botEmail);
        for (var attempt = 0; ; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!found.HasValue)
                {
                    await table.AddEntityAsync(new TableEntity(partition, key) { ["Count"] = delta }, cancellationToken).ConfigureAwait(false);
                    return delta;
                }
                var entity = found.Value!;
                var total = (entity.GetInt64("Count") ?? 0) + delta;
                entity["Count"] = total;
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return total;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another reply changed the counter between our read and write: read again.
            }
        }
    }

    /// <summary>
    /// Marks a flag entity (e.g. "the mentor was told about this window") and returns true only for the one caller
    /// that created it, so a notice goes out once per window however many replies hit the limit.
    /// </summary>
    public async Task<bool> TryMarkOnceAsync(string botEmail, string key, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(TableKeys.Bot(botEmail), key) { ["Count"] = 1L }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
