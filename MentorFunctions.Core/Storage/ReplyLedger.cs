using Azure;
using Azure.Data.Tables;
using MentorFunctions.Core.Conversations;

namespace MentorFunctions.Core.Storage;

/// <summary>Where a pending reply stands.</summary>
public enum LedgerState
{
    /// <summary>The reply text exists (kept so a retry does not call the model again); nothing was sent yet.</summary>
    Composed = 0,
    /// <summary>The POST was about to be sent: it may or may not have reached Zulip.</summary>
    Posting = 1,
    /// <summary>The step ended with <see cref="ReplyLedgerEntry.Outcome"/>; a retry returns that outcome as is.</summary>
    Done = 2,
}

/// <summary>
/// The ledger entry of one pending reply. <see cref="Content"/> (the composed reply) is kept only until it is posted.
/// <see cref="ETag"/> is the stored version, null for an entry not saved yet.
/// </summary>
public sealed record ReplyLedgerEntry(
    ConversationKey Conversation,
    long ReplyId,
    LedgerState State,
    string? Content,
    DeliveryOutcome? Outcome,
    long? PostedMessageId,
    int PromptTokens,
    int CompletionTokens,
    int ProfileVersion,
    string? ETag = null);

/// <summary>
/// One entity per (conversation, reply id) in table "replyledger", so a retried delivery step never posts twice.
/// Writes use the ETag: two writers of the same reply cannot both win; the loser fails transiently and re-reads.
/// </summary>
public sealed class ReplyLedger(TableStore store)
{
    public const string TableName = "replyledger";
    private const int Version = 1;

    public async Task<ReplyLedgerEntry?> GetAsync(ConversationKey conversation, long replyId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(conversation.InstanceId, TableKeys.Id(replyId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } e)
            return null;
        return new ReplyLedgerEntry(
            conversation,
            replyId,
            Enum.TryParse<LedgerState>(e.GetString("State"), out var state) ? state : LedgerState.Posting,
            e.GetString("Content"),
            Enum.TryParse<DeliveryOutcome>(e.GetString("Outcome"), out var outcome) ? outcome : null,
            e.GetInt64("PostedMessageId"),
            e.GetInt32("PromptTokens") ?? 0,
            e.GetInt32("CompletionTokens") ?? 0,
            e.GetInt32("ProfileVersion") ?? 0,
            e.ETag.ToString());
    }

    /// <summary>Saves the entry (insert when it has no ETag, else replace if unchanged since read) and returns it with its new ETag.</summary>
    public async Task<ReplyLedgerEntry> SaveAsync(ReplyLedgerEntry entry, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(entry.Conversation.InstanceId, TableKeys.Id(entry.ReplyId))
        {
            ["Version"] = Version,
            ["State"] = entry.State.ToString(),
            ["Content"] = entry.Content,
            ["Outcome"] = entry.Outcome?.ToString(),
            ["PostedMessageId"] = entry.PostedMessageId,
            ["PromptTokens"] = entry.PromptTokens,
            ["CompletionTokens"] = entry.CompletionTokens,
            ["ProfileVersion"] = entry.ProfileVersion,
        };
        try
        {
            var response = entry.ETag is null
                ? await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false)
                : await table.UpdateEntityAsync(entity, new ETag(entry.ETag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return entry with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new TransientStepException($"Reply ledger entry {entry.ReplyId} changed concurrently", TimeSpan.FromSeconds(1), e);
        }
    }
}
