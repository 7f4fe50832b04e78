using Azure.Data.Tables;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Core.Privacy;

/// <summary>
/// `forget`'s share of the orchestration histories: the command cannot reach Durable's client, so it records a purge
/// request (table "historypurge": the bot and the user id, nothing else) that <see cref="PrivacyMaintenance"/> carries
/// out within minutes and then deletes.
/// </summary>
public sealed class HistoryPurgeRequests(TableStore tables, TimeProvider time) : IPersonalDataStore
{
    internal const string TableName = "historypurge";

    public string Name => "conversation histories (purge queued)";

    public async Task<int> DeleteUserAsync(string botEmail, long userId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Bot(botEmail), TableKeys.Id(userId))
        {
            ["Version"] = 1,
            ["BotEmail"] = botEmail,
            ["UserId"] = userId,
            ["RequestedAt"] = time.GetUtcNow(),
        }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        return 0;
    }

    public async Task<IReadOnlyList<(string BotEmail, long UserId)>> PendingAsync(CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var pending = new List<(string, long)>();
        await foreach (var e in table.QueryAsync<TableEntity>(cancellationToken: ct).ConfigureAwait(false))
        {
            if (e.GetString("BotEmail") is { } bot && e.GetInt64("UserId") is { } user)
                pending.Add((bot, user));
        }
        return pending;
    }

    public async Task DoneAsync(string botEmail, long userId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        await table.DeleteIfExistsAsync(TableKeys.Bot(botEmail), TableKeys.Id(userId), ct).ConfigureAwait(false);
    }
}
