using Azure;
using Azure.Data.Tables;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Core.Commands;

/// <summary>An AI draft waiting for its mentor's send / edit / skip. <see cref="DraftId"/> is small and per mentor, to be typed back.</summary>
public sealed record PendingDraft(string BotEmail, long MentorId, long StudentId, long DraftId, string Text, DateTimeOffset CreatedAt);

/// <summary>
/// Pending drafts in Table Storage (table "drafts"). One partition per bot; row keys "{mentor}-d-{inverted id}" so the
/// newest draft of a mentor is the first row of its range, and "{mentor}-counter" for the mentor's next draft number.
/// Taking a draft deletes it under an ETag check, so a re-sent `send` (Zulip retries webhooks) can never post twice.
/// </summary>
public sealed class DraftStore(TableStore tables, TimeProvider time) : IPersonalDataStore
{
    internal const string TableName = "drafts";
    private const int MaxAttempts = 8;

    public string Name => "drafts";

    /// <summary>Stores a new draft under the mentor's next draft number.</summary>
    public async Task<PendingDraft> SaveAsync(string botEmail, long mentorId, long studentId, string text, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var id = await NextIdAsync(table, botEmail, mentorId, ct).ConfigureAwait(false);
        var draft = new PendingDraft(botEmail, mentorId, studentId, id, text, time.GetUtcNow());
        await table.AddEntityAsync(ToEntity(draft), ct).ConfigureAwait(false);
        return draft;
    }

    /// <summary>Puts a taken draft back (its post failed), under the same number.</summary>
    public async Task RestoreAsync(PendingDraft draft, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(ToEntity(draft), TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>The mentor's pending drafts, newest first.</summary>
    public async Task<IReadOnlyList<PendingDraft>> ListAsync(string botEmail, long mentorId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var list = new List<PendingDraft>();
        await foreach (var e in table.QueryAsync<TableEntity>(RangeFilter(botEmail, mentorId), cancellationToken: ct).ConfigureAwait(false))
            list.Add(FromEntity(e));
        return list;
    }

    /// <summary>
    /// Removes and returns a pending draft: the one numbered <paramref name="draftId"/>, or the newest when null.
    /// Null when there is none (already sent, skipped, or never there).
    /// </summary>
    public async Task<PendingDraft?> TakeAsync(string botEmail, long mentorId, long? draftId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            TableEntity? entity = null;
            if (draftId is { } id)
            {
                var read = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Bot(botEmail), DraftRowKey(mentorId, id), cancellationToken: ct).ConfigureAwait(false);
                entity = read.HasValue ? read.Value : null;
            }
            else
            {
                await foreach (var e in table.QueryAsync<TableEntity>(RangeFilter(botEmail, mentorId), maxPerPage: 1, cancellationToken: ct).ConfigureAwait(false))
                {
                    entity = e;
                    break;
                }
            }
            if (entity is null)
                return null;

            try
            {
                var deleted = await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, ct).ConfigureAwait(false);
                if (deleted.Status != 404)
                    return FromEntity(entity);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
            }
            // Someone took it first. A numbered draft is gone; for "the newest", look again.
            if (draftId is not null)
                return null;
        }
        return null;
    }

    /// <summary>
    /// The mentor answered the student themselves: drafts for that student written before the answer are out of date.
    /// Returns how many were discarded.
    /// </summary>
    public async Task<int> DiscardForStudentAsync(string botEmail, long mentorId, long studentId, DateTimeOffset before, CancellationToken ct)
    {
        var discarded = 0;
        foreach (var draft in await ListAsync(botEmail, mentorId, ct).ConfigureAwait(false))
        {
            if (draft.StudentId == studentId && draft.CreatedAt <= before
                && await TakeAsync(botEmail, mentorId, draft.DraftId, ct).ConfigureAwait(false) is not null)
                discarded++;
        }
        return discarded;
    }

    public async Task<int> DeleteUserAsync(string botEmail, long userId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var bot = TableKeys.Bot(botEmail);
        var mentorPrefix = TableKeys.Id(userId) + "-";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {bot} and ((RowKey ge {mentorPrefix} and RowKey lt {TableKeys.Id(userId) + "."}) or StudentId eq {userId})");
        var deleted = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct).ConfigureAwait(false))
        {
            var response = await table.DeleteEntityAsync(e.PartitionKey, e.RowKey, ETag.All, ct).ConfigureAwait(false);
            if (response.Status != 404) deleted++;
        }
        return deleted;
    }

    private async Task<long> NextIdAsync(TableClient table, string botEmail, long mentorId, CancellationToken ct)
    {
        var pk = TableKeys.Bot(botEmail);
        var rk = TableKeys.Id(mentorId) + "-counter";
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var read = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: ct).ConfigureAwait(false);
            try
            {
                if (!read.HasValue || read.Value is null)
                {
                    await table.AddEntityAsync(new TableEntity(pk, rk) { ["Next"] = 2L, ["MentorId"] = mentorId }, ct).ConfigureAwait(false);
                    return 1;
                }
                var counter = read.Value;
                var next = counter.GetInt64("Next") ?? 1;
                counter["Next"] = next + 1;
                await table.UpdateEntityAsync(counter, counter.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return next;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another draft for the same mentor took this number; read again.
            }
        }
        throw new InvalidOperationException($"Could not allocate a draft number for mentor {mentorId} after {MaxAttempts} attempts.");
    }

    private static string DraftRowKey(long mentorId, long draftId) =>
        $"{TableKeys.Id(mentorId)}-d-{TableKeys.Id(long.MaxValue - draftId)}";

    private static string RangeFilter(string botEmail, long mentorId)
    {
        var from = TableKeys.Id(mentorId) + "-d-";
        var to = TableKeys.Id(mentorId) + "-d.";
        return TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Bot(botEmail)} and RowKey ge {from} and RowKey lt {to}");
    }

    private static TableEntity ToEntity(PendingDraft d) => new(TableKeys.Bot(d.BotEmail), DraftRowKey(d.MentorId, d.DraftId))
    {
        ["Version"] = 1,
        ["BotEmail"] = d.BotEmail,
        ["MentorId"] = d.MentorId,
        ["StudentId"] = d.StudentId,
        ["DraftId"] = d.DraftId,
        ["Text"] = d.Text,
        ["CreatedAt"] = d.CreatedAt,
    };

    private static PendingDraft FromEntity(TableEntity e) => new(
        e.GetString("BotEmail") ?? e.PartitionKey,
        e.GetInt64("MentorId") ?? 0,
        e.GetInt64("StudentId") ?? 0,
        e.GetInt64("DraftId") ?? 0,
        e.GetString("Text") ?? "",
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
}
