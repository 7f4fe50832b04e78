using Azure.Data.Tables;

namespace MentorFunctions.Core.Storage;

/// <summary>
/// `forget` for the tables keyed by conversation (the audit trail and the reply ledger): every entity of every
/// conversation in which the user is the mentor or the student.
/// </summary>
public sealed class ConversationTablesPersonalDataStore(TableStore tables) : IPersonalDataStore
{
    private static readonly string[] Tables = [AuditLog.TableName, ReplyLedger.TableName];

    public string Name => "audit and reply ledger";

    public async Task<int> DeleteUserAsync(string botEmail, long userId, CancellationToken ct)
    {
        var (from, to) = ConversationPartitions.Range(botEmail);
        var deleted = 0;
        foreach (var name in Tables)
        {
            var table = await tables.GetTableAsync(name, ct).ConfigureAwait(false);
            var doomed = new List<(string Pk, string Rk)>();
            await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"),
                               select: ["PartitionKey", "RowKey"], cancellationToken: ct).ConfigureAwait(false))
            {
                if (ConversationPartitions.Involves(e.PartitionKey, userId))
                    doomed.Add((e.PartitionKey, e.RowKey));
            }
            foreach (var (pk, rk) in doomed)
            {
                if (await table.DeleteIfExistsAsync(pk, rk, ct).ConfigureAwait(false))
                    deleted++;
            }
        }
        return deleted;
    }
}

/// <summary>`forget` for style profiles: a mentor's whole partition, and a student's pair profile with every mentor.</summary>
public sealed class ProfilePersonalDataStore(TableStore tables, ProfileStore profiles) : IPersonalDataStore
{
    public string Name => "style profiles";

    public async Task<int> DeleteUserAsync(string botEmail, long userId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(ProfileStore.TableShortName, ct).ConfigureAwait(false);
        var botPrefix = TableKeys.Bot(botEmail) + "|";
        var mentorPartition = ProfileStore.PartitionKey(botEmail, userId);
        var studentRow = ProfileStore.PairRow(userId);
        var deleted = 0;
        var pairsOfStudent = new List<string>();
        var mentorRows = 0;
        // The registry may already be erased, so find the student's pairs in the profiles themselves.
        await foreach (var e in table.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey ge {botPrefix} and PartitionKey lt {botPrefix + "~"}"),
                           select: ["PartitionKey", "RowKey"], cancellationToken: ct).ConfigureAwait(false))
        {
            if (e.PartitionKey == mentorPartition) mentorRows++;
            else if (e.RowKey == studentRow) pairsOfStudent.Add(e.PartitionKey);
        }
        if (mentorRows > 0)
        {
            await profiles.DeleteMentorProfilesAsync(botEmail, userId, ct).ConfigureAwait(false);
            deleted += mentorRows;
        }
        foreach (var pk in pairsOfStudent)
        {
            if (await table.DeleteIfExistsAsync(pk, studentRow, ct).ConfigureAwait(false))
                deleted++;
        }
        return deleted;
    }
}

/// <summary>
/// `forget` for the reply-limit counters: their keys name the mentor and student ids ("s-{mentor}-{student}-{hour}",
/// "m-{mentor}-{day}", "…-told-{mentor}"). Forgetting also resets that user's counters, which only ever allows fewer replies
/// to be counted, never more to be posted than the other limits allow.
/// </summary>
public sealed class ReplyLimitsPersonalDataStore(TableStore tables) : IPersonalDataStore
{
    public string Name => "reply limits";

    public async Task<int> DeleteUserAsync(string botEmail, long userId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(ReplyLimitCounters.TableName, ct).ConfigureAwait(false);
        var partition = TableKeys.Bot(botEmail);
        var id = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var doomed = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == partition, select: ["RowKey"], cancellationToken: ct).ConfigureAwait(false))
        {
            if (e.RowKey.Split('-').Contains(id))
                doomed.Add(e.RowKey);
        }
        var deleted = 0;
        foreach (var rk in doomed)
        {
            if (await table.DeleteIfExistsAsync(partition, rk, ct).ConfigureAwait(false))
                deleted++;
        }
        return deleted;
    }
}
