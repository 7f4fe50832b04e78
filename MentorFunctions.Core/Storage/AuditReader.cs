using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using MentorFunctions.Core.Admin;

namespace MentorFunctions.Core.Storage;

/// <summary>The admin API's view of the audit trail: one bot's, or one mentor's, newest first.</summary>
public sealed class AuditReader(TableStore tables) : IAuditReader
{
    public async IAsyncEnumerable<AuditEntryDto> ReadAsync(string bot, long? mentorId, DateTimeOffset? since, int max, [EnumeratorCancellation] CancellationToken ct)
    {
        var table = await tables.GetTableAsync(AuditLog.TableName, ct).ConfigureAwait(false);
        var (from, to) = ConversationPartitions.Range(bot, mentorId);
        var filter = since is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to} and At ge {s}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
        var entries = new List<AuditEntryDto>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            entries.Add(new AuditEntryDto(
                e.GetDateTimeOffset("At") ?? e.Timestamp ?? DateTimeOffset.MinValue,
                e.GetString("BotEmail") ?? bot,
                e.GetInt64("MentorId"),
                e.GetInt64("StudentId"),
                "ai-reply",
                e.GetString("Outcome"),
                e.GetInt64("PostedMessageId"),
                e.GetString("Reason")));
        }
        // Profile imports are audited by their consent records: who granted what, and what was merged.
        foreach (var r in await new Consent.ProfileImportRecords(tables).ListAsync(bot, mentorId, ct).ConfigureAwait(false))
        {
            if (since is { } after && r.ImportedAt < after) continue;
            entries.Add(new AuditEntryDto(r.ImportedAt, bot, r.MentorId, null, "profile-import", "merged", null,
                $"{r.Source.ToString().ToLowerInvariant()}: {r.Messages} messages of {r.Conversations.Count} conversations, granted by {r.GrantedBy} at {r.GrantedAt:O}, "
                + $"exemplars {(r.Exemplars ? "included" : "left out")}, profile {r.ProfileMessagesBefore} -> {r.ProfileMessagesAfter} messages"));
        }
        foreach (var entry in entries.OrderByDescending(x => x.At).Take(max))
            yield return entry;
    }
}
