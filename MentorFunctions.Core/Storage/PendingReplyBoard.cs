using Azure.Data.Tables;
using MentorFunctions.Core.Conversations;

namespace MentorFunctions.Core.Storage;

/// <summary>An AI reply planned for a student and not yet delivered or stood down.</summary>
/// <paramref name="Strained"/>: a message of this burst reads stressed, frustrated or worried (never the words themselves).
public sealed record PendingReplyNotice(long StudentId, long ReplyId, DateTimeOffset DueAt, bool Strained = false);

/// <summary>
/// Which AI replies are pending, per mentor (table "pendingreplies"), so `status` can show them: the workflow's own state
/// lives in Durable, which commands cannot read. The plan step writes a row; delivery and the mentor's answer clear it.
/// </summary>
public sealed class PendingReplyBoard(TableStore tables) : IPersonalDataStore
{
    public const string TableName = "pendingreplies";

    public string Name => "pending replies";

    public async Task SetAsync(ConversationKey conversation, long replyId, DateTimeOffset dueAt, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        // Merge: the strain mark the record step may have left for this burst stays.
        await table.UpsertEntityAsync(new TableEntity(Partition(conversation.BotEmail, conversation.MentorId), TableKeys.Id(conversation.StudentId))
        {
            ["ReplyId"] = replyId,
            ["DueAt"] = dueAt,
        }, TableUpdateMode.Merge, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks that student message <paramref name="messageId"/> reads stressed or frustrated; `status` shows it for the
    /// burst that message belongs to (a reply whose first message is not newer than it).
    /// </summary>
    public async Task MarkStrainedAsync(ConversationKey conversation, long messageId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(Partition(conversation.BotEmail, conversation.MentorId), TableKeys.Id(conversation.StudentId))
        {
            ["StrainedMessageId"] = messageId,
        }, TableUpdateMode.Merge, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Clears the conversation's pending reply; with <paramref name="replyId"/>, only if it is still that one.
    /// Returns the cleared reply's due time (null when no planned reply was there).
    /// </summary>
    public async Task<DateTimeOffset?> ClearAsync(ConversationKey conversation, long? replyId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var pk = Partition(conversation.BotEmail, conversation.MentorId);
        var rk = TableKeys.Id(conversation.StudentId);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: ct).ConfigureAwait(false);
        if (!found.HasValue || (replyId is { } id && found.Value!.GetInt64("ReplyId") != id))
            return null;
        var deleted = await table.DeleteIfExistsAsync(pk, rk, ct).ConfigureAwait(false);
        return deleted ? found.Value!.GetDateTimeOffset("DueAt") : null;
    }

    public async Task<IReadOnlyList<PendingReplyNotice>> ListAsync(string botEmail, long mentorId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var pk = Partition(botEmail, mentorId);
        var list = new List<PendingReplyNotice>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == pk, cancellationToken: ct).ConfigureAwait(false))
        {
            // A strain mark alone (its message was never planned for) is no pending reply.
            if (e.GetInt64("ReplyId") is not { } replyId || e.GetDateTimeOffset("DueAt") is not { } dueAt)
                continue;
            var strained = e.GetInt64("StrainedMessageId") is { } strainedId && strainedId >= replyId;
            list.Add(new PendingReplyNotice(long.Parse(e.RowKey, System.Globalization.CultureInfo.InvariantCulture), replyId, dueAt, strained));
        }
        return list.OrderBy(p => p.DueAt).ToList();
    }

    public async Task<int> DeleteUserAsync(string botEmail, long userId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var mentorPartition = Partition(botEmail, userId);
        var studentRow = TableKeys.Id(userId);
        return await table.DeleteWhereAsync(TableClientExtensions.PartitionPrefixFilter(TableKeys.Bot(botEmail) + "|"),
            (pk, rk) => pk == mentorPartition || rk == studentRow, ct).ConfigureAwait(false);
    }

    private static string Partition(string botEmail, long mentorId) => TableKeys.Bot(botEmail) + "|" + TableKeys.Id(mentorId);
}
