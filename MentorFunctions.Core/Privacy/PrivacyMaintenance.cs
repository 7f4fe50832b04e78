using Azure.Data.Tables;
using MentorFunctions.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Privacy;

/// <summary>What one maintenance run did.</summary>
public sealed record MaintenanceReport(int UsersPurged, int InstancesPurged, int AuditDeleted, int LedgerDeleted, int CountersDeleted, int PurgesLeft,
    int ExpiredDeleted = 0);

/// <summary>
/// The timer-triggered clean-up: carries out queued `forget` purges of orchestration histories, and deletes audit,
/// ledger and counter rows past their retention (<see cref="PrivacyOptions"/>), and the rows of every store that carries
/// its own expiry (<see cref="IExpiringRecords"/>: the handled commands). Idempotent: a failed run is finished by the next.
/// </summary>
public sealed class PrivacyMaintenance(
    HistoryPurgeRequests purges, IEnumerable<IPersonalDataStore> stores, TableStore tables, IOptions<PrivacyOptions> options,
    TimeProvider time, ILogger<PrivacyMaintenance> log)
{
    public async Task<MaintenanceReport> RunAsync(IConversationHistories histories, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(histories);
        int users = 0, instances = 0, left = 0;
        foreach (var (bot, user) in await purges.PendingAsync(ct).ConfigureAwait(false))
        {
            try
            {
                instances += await histories.PurgeUserAsync(bot, user, ct).ConfigureAwait(false);
                // A conversation may have run a step between `forget` and its termination (an audit entry "not-paired",
                // a ledger row): with the instances gone nothing writes any more, so erasing what steps write leaves nothing.
                // Only those: the registry, consent and keys may hold a pair the mentor consented to anew since `forget`.
                foreach (var store in stores.Where(s => s is ConversationTablesPersonalDataStore or ReplyLimitsPersonalDataStore
                                                             or PendingReplyBoard or Commands.DraftStore))
                    await store.DeleteUserAsync(bot, user, ct).ConfigureAwait(false);
                await purges.DoneAsync(bot, user, ct).ConfigureAwait(false);
                users++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Left queued: the next run tries again.
                left++;
                log.LogError(e, "Purging the conversation histories of user {UserId} failed", user);
            }
        }

        var now = time.GetUtcNow();
        var o = options.Value;
        var audit = await DeleteOlderThanAsync(AuditLog.TableName, now - o.AuditRetention, ct).ConfigureAwait(false);
        var ledger = await DeleteOlderThanAsync(ReplyLedger.TableName, now - o.LedgerRetention, ct).ConfigureAwait(false);
        var counters = await DeleteOlderThanAsync(ReplyLimitCounters.TableName, now - o.CounterRetention, ct).ConfigureAwait(false);
        var expired = 0;
        foreach (var store in stores.OfType<IExpiringRecords>())
            expired += await store.DeleteExpiredAsync(ct).ConfigureAwait(false);
        var report = new MaintenanceReport(users, instances, audit, ledger, counters, left, expired);
        log.LogInformation("Privacy maintenance: {Users} users' histories purged ({Instances} instances, {Left} left), {Audit} audit, {Ledger} ledger, {Counters} counter, {Expired} other expired rows deleted",
            users, instances, left, audit, ledger, counters, expired);
        return report;
    }

    /// <summary>Deletes the rows last written before <paramref name="cutoff"/> (the service's own Timestamp).</summary>
    private async Task<int> DeleteOlderThanAsync(string tableName, DateTimeOffset cutoff, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(tableName, ct).ConfigureAwait(false);
        return await table.DeleteWhereAsync(TableClient.CreateQueryFilter($"Timestamp lt {cutoff}"), (_, _) => true, ct).ConfigureAwait(false);
    }
}
