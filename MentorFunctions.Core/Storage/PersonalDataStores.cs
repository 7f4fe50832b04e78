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
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
        var deleted = 0;
        foreach (var name in Tables)
        {
            var table = await tables.GetTableAsync(name, ct).ConfigureAwait(false);
            deleted += await table.DeleteWhereAsync(filter, (pk, _) => ConversationPartitions.Involves(pk, userId), ct).ConfigureAwait(false);
        }
        return deleted;
    }
}

/// <summary>
/// `forget` for style profiles: a mentor's whole partition, and a student's pair profile with every mentor; and this
/// instance's programme week, which is summed from the mentor profiles (other instances drop it within the refresh time).
/// </summary>
public sealed class ProfilePersonalDataStore(TableStore tables, ProfileStore? profiles = null) : IPersonalDataStore
{
    public string Name => "style profiles";

    public async Task<int> DeleteUserAsync(string botEmail, long userId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(ProfileStore.TableShortName, ct).ConfigureAwait(false);
        var mentorPartition = ProfileStore.PartitionKey(botEmail, userId);
        var studentRow = ProfileStore.PairRow(userId);
        // The registry may already be erased, so the student's pairs are found in the profiles themselves.
        var deleted = await table.DeleteWhereAsync(TableClientExtensions.PartitionPrefixFilter(TableKeys.Bot(botEmail) + "|"),
            (pk, rk) => pk == mentorPartition || rk == studentRow, ct).ConfigureAwait(false);
        profiles?.ForgetOrganisationActivity(botEmail);
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
        var id = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await table.DeleteWhereAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Bot(botEmail)}"),
            (_, rk) => rk.Split('-').Contains(id), ct).ConfigureAwait(false);
    }
}
