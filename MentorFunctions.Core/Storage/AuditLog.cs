using Azure.Data.Tables;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Telemetry;

namespace MentorFunctions.Core.Storage;

/// <summary>
/// One AI reply outcome. <paramref name="Reason"/> is a short machine word (e.g. "human-requested", "content-filter",
/// "student-hour"); <paramref name="Content"/> is kept only when the deployment opted in (ReplyOptions.AuditIncludeContent).
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    ConversationKey Conversation,
    long ReplyId,
    DeliveryOutcome Outcome,
    string? Reason,
    int ProfileVersion,
    int PromptTokens,
    int CompletionTokens,
    double DelaySeconds,
    long? PostedMessageId,
    string? Content = null);

/// <summary>
/// The audit trail of AI replies in Table Storage (table "audit"): partition = conversation instance id, row = reply id
/// then time, so one conversation reads back in order and every attempt of a retried step is kept. Every reply outcome
/// passes here, so here it is counted (<see cref="MentorMetrics.Replies"/>): outcome and reason, never content.
/// </summary>
public sealed class AuditLog(TableStore store, MentorMetrics metrics)
{
    public const string TableName = "audit";
    private const int Version = 1;

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await store.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(entry.Conversation.InstanceId, $"{TableKeys.Id(entry.ReplyId)}-{entry.At.UtcTicks:D19}")
        {
            ["Version"] = Version,
            ["At"] = entry.At,
            ["BotEmail"] = entry.Conversation.BotEmail,
            ["MentorId"] = entry.Conversation.MentorId,
            ["StudentId"] = entry.Conversation.StudentId,
            ["ReplyId"] = entry.ReplyId,
            ["Outcome"] = entry.Outcome.ToString(),
            ["Reason"] = entry.Reason,
            ["ProfileVersion"] = entry.ProfileVersion,
            ["PromptTokens"] = entry.PromptTokens,
            ["CompletionTokens"] = entry.CompletionTokens,
            ["DelaySeconds"] = entry.DelaySeconds,
            ["PostedMessageId"] = entry.PostedMessageId,
            ["Content"] = entry.Content,
        };
        // Upsert: a retried step that records the same instant again must not fail on the duplicate key.
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        metrics.Reply(entry.Outcome, entry.Reason);
    }

    /// <summary>The audit entries of one conversation, oldest reply first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(ConversationKey conversation, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var list = new List<AuditEntry>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == conversation.InstanceId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new AuditEntry(
                e.GetDateTimeOffset("At") ?? e.Timestamp ?? DateTimeOffset.MinValue,
                conversation,
                e.GetInt64("ReplyId") ?? 0,
                Enum.TryParse<DeliveryOutcome>(e.GetString("Outcome"), out var outcome) ? outcome : DeliveryOutcome.Failed,
                e.GetString("Reason"),
                e.GetInt32("ProfileVersion") ?? 0,
                e.GetInt32("PromptTokens") ?? 0,
                e.GetInt32("CompletionTokens") ?? 0,
                e.GetDouble("DelaySeconds") ?? 0,
                e.GetInt64("PostedMessageId"),
                e.GetString("Content")));
        }
        return list;
    }
}
