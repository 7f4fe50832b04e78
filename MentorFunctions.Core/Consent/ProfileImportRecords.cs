using System.Globalization;
using Azure.Data.Tables;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Core.Consent;

/// <summary>Where an imported profile was learned: the mentor's own Zulip account (their zuliprc) or an export.</summary>
public enum ProfileImportSource
{
    Zuliprc = 0,
    Export = 1,
}

/// <summary>
/// The consent behind one imported profile: who granted it and when, which conversations (the students' ids) and how
/// many messages were read, where from, and whether exemplars (short messages of the mentor) came with it.
/// </summary>
public sealed record ProfileImportRecord(
    string BotEmail,
    long MentorId,
    string ImportId,
    string GrantedBy,
    DateTimeOffset GrantedAt,
    IReadOnlyList<long> Conversations,
    long Messages,
    ProfileImportSource Source,
    bool Exemplars,
    DateTimeOffset ImportedAt,
    long ProfileMessagesBefore,
    long ProfileMessagesAfter);

/// <summary>
/// Consent records of imported profiles in Table Storage (table "profileimports"; PK = bot|mentor, RK = import id):
/// ids, counts and times, and who granted it (a user id or email), never message text. Kept as the audit trail of
/// imports (the admin audit route lists them). `forget` of the mentor deletes their records; `forget` of a student
/// takes the student's id out of every record that names it (the record of the mentor's consent stays).
/// </summary>
public sealed class ProfileImportRecords(TableStore tables) : IPersonalDataStore
{
    public const string TableName = "profileimports";

    public string Name => "profile imports";

    /// <summary>Stores a record; writing the same import again replaces it (a retried upload completes its record).</summary>
    public async Task SaveAsync(ProfileImportRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(ToEntity(record), TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    public async Task<ProfileImportRecord?> GetAsync(string botEmail, long mentorId, string importId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var read = await table.GetEntityIfExistsAsync<TableEntity>(Partition(botEmail, mentorId), importId, cancellationToken: ct).ConfigureAwait(false);
        return read.HasValue && read.Value is { } e ? FromEntity(botEmail, mentorId, e) : null;
    }

    /// <summary>The bot's import records (one mentor's when <paramref name="mentorId"/> is given), in no set order.</summary>
    public async Task<IReadOnlyList<ProfileImportRecord>> ListAsync(string botEmail, long? mentorId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var filter = mentorId is { } id
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition(botEmail, id)}")
            : TableClientExtensions.PartitionPrefixFilter(TableKeys.Bot(botEmail) + "|");
        var list = new List<ProfileImportRecord>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            var mentor = long.Parse(e.PartitionKey[(e.PartitionKey.LastIndexOf('|') + 1)..], CultureInfo.InvariantCulture);
            list.Add(FromEntity(botEmail, mentor, e));
        }
        return list;
    }

    public async Task<int> DeleteUserAsync(string botEmail, long userId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var asMentor = Partition(botEmail, userId);
        var deleted = await table.DeleteWhereAsync(TableClient.CreateQueryFilter($"PartitionKey eq {asMentor}"), (_, _) => true, ct).ConfigureAwait(false);
        // As a student: their id leaves the list of conversations; the count of erased ones says a conversation was there.
        var filter = TableClientExtensions.PartitionPrefixFilter(TableKeys.Bot(botEmail) + "|");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            var ids = ParseIds(e.GetString("Conversations"));
            if (!ids.Contains(userId)) continue;
            e["Conversations"] = FormatIds(ids.Where(i => i != userId));
            e["ErasedConversations"] = (e.GetInt32("ErasedConversations") ?? 0) + 1;
            await table.UpdateEntityAsync(e, e.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            deleted++;
        }
        return deleted;
    }

    private static string Partition(string botEmail, long mentorId) => TableKeys.Bot(botEmail) + "|" + TableKeys.Id(mentorId);

    private static TableEntity ToEntity(ProfileImportRecord r) => new(Partition(r.BotEmail, r.MentorId), r.ImportId)
    {
        ["Version"] = 1,
        ["GrantedBy"] = r.GrantedBy,
        ["GrantedAt"] = r.GrantedAt,
        ["Conversations"] = FormatIds(r.Conversations),
        ["Messages"] = r.Messages,
        ["Source"] = r.Source.ToString(),
        ["Exemplars"] = r.Exemplars,
        ["ImportedAt"] = r.ImportedAt,
        ["ProfileMessagesBefore"] = r.ProfileMessagesBefore,
        ["ProfileMessagesAfter"] = r.ProfileMessagesAfter,
    };

    private static ProfileImportRecord FromEntity(string botEmail, long mentorId, TableEntity e) => new(
        botEmail,
        mentorId,
        e.RowKey,
        e.GetString("GrantedBy") ?? "",
        e.GetDateTimeOffset("GrantedAt") ?? DateTimeOffset.MinValue,
        ParseIds(e.GetString("Conversations")),
        e.GetInt64("Messages") ?? 0,
        Enum.TryParse<ProfileImportSource>(e.GetString("Source"), out var source) ? source : ProfileImportSource.Export,
        e.GetBoolean("Exemplars") ?? false,
        e.GetDateTimeOffset("ImportedAt") ?? DateTimeOffset.MinValue,
        e.GetInt64("ProfileMessagesBefore") ?? 0,
        e.GetInt64("ProfileMessagesAfter") ?? 0);

    // Ids as a comma-separated string: a record names at most a few hundred conversations.
    private static string FormatIds(IEnumerable<long> ids) => string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private static List<long> ParseIds(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split(',').Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToList();
}
