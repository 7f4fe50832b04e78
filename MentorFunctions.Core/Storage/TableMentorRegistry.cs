using Azure;
using Azure.Data.Tables;

namespace MentorFunctions.Core.Storage;

/// <summary>
/// Mentors and pairs in Table Storage. Table "mentors": partition = bot, row = mentor id. Table "pairs": partition = bot,
/// and each pair is stored twice in one transaction, as "m-{mentor}-{student}" and "s-{student}-{mentor}", so it can be
/// listed by mentor and by student with a row-key range query. Rows carry a Version (1) for future migrations.
/// </summary>
public sealed class TableMentorRegistry : IMentorRegistry
{
    public const string MentorsTable = "mentors";
    public const string PairsTable = "pairs";

    private const int CurrentVersion = 1;
    private const int MaxBatch = 100; // Table Storage's limit per transaction
    private const int MaxWriteAttempts = 8; // each round of colliding writers lets at least one through

    private readonly TableStore _store;

    public TableMentorRegistry(TableStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    public async Task<MentorRecord?> GetMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default)
    {
        var table = await _store.GetTableAsync(MentorsTable, cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Bot(botEmail), TableKeys.Id(mentorId), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? ToMentor(response.Value!) : null;
    }

    public async Task<MentorRecord?> UpdateMentorAsync(string botEmail, long mentorId, Func<MentorRecord?, MentorRecord?> change,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var table = await _store.GetTableAsync(MentorsTable, cancellationToken).ConfigureAwait(false);
        var partition = TableKeys.Bot(botEmail);
        var row = TableKeys.Id(mentorId);
        for (var attempt = 1; ; attempt++)
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            var stored = response.HasValue ? response.Value : null;
            var current = stored is null ? null : ToMentor(stored);
            var next = change(current);
            if (next is null || next == current)
                return current;
            if (TableKeys.Bot(next.BotEmail) != partition || next.UserId != mentorId)
                throw new ArgumentException("A change keeps the mentor's bot and id.", nameof(change));
            try
            {
                if (stored is null)
                    await table.AddEntityAsync(MentorEntity(next, null), cancellationToken).ConfigureAwait(false);
                else
                    await table.UpdateEntityAsync(MentorEntity(next, stored), stored.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return next;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412 && attempt < MaxWriteAttempts)
            {
                // Changed, registered or removed by another writer since the read: apply the change to what is there now.
                // The jitter keeps writers that collided from colliding again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10 * attempt)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<bool> RemoveMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default)
    {
        var partition = TableKeys.Bot(botEmail);
        var mentors = await _store.GetTableAsync(MentorsTable, cancellationToken).ConfigureAwait(false);
        var existing = await mentors.GetEntityIfExistsAsync<TableEntity>(partition, TableKeys.Id(mentorId), cancellationToken: cancellationToken)
            .ConfigureAwait(false);

        // Pairs first: should this stop half-way, the mentor is still registered and a retry finishes the job.
        foreach (var pair in await ListStudentsAsync(botEmail, mentorId, cancellationToken).ConfigureAwait(false))
            await RemovePairAsync(botEmail, pair.MentorId, pair.StudentId, cancellationToken).ConfigureAwait(false);

        if (!existing.HasValue)
            return false;
        var deleted = await mentors.DeleteEntityAsync(partition, TableKeys.Id(mentorId), ETag.All, cancellationToken).ConfigureAwait(false);
        return deleted.Status != 404;
    }

    public async Task<IReadOnlyList<MentorRecord>> ListMentorsAsync(string botEmail, CancellationToken cancellationToken = default)
    {
        var table = await _store.GetTableAsync(MentorsTable, cancellationToken).ConfigureAwait(false);
        var partition = TableKeys.Bot(botEmail);
        var result = new List<MentorRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
            result.Add(ToMentor(entity));
        return result;
    }

    public async Task<PairRecord?> GetPairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default)
    {
        var table = await _store.GetTableAsync(PairsTable, cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Bot(botEmail), ByMentorKey(mentorId, studentId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToPair(response.Value!) : null;
    }

    public async Task<PairRecord> EnrolAsync(PairRecord pair, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pair);
        if (pair.MentorId == pair.StudentId)
            throw new ArgumentException("A mentor cannot be their own student.", nameof(pair));
        var table = await _store.GetTableAsync(PairsTable, cancellationToken).ConfigureAwait(false);
        var partition = TableKeys.Bot(pair.BotEmail);
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, PairEntity(partition, ByMentorKey(pair.MentorId, pair.StudentId), pair)),
                new TableTransactionAction(TableTransactionActionType.Add, PairEntity(partition, ByStudentKey(pair.StudentId, pair.MentorId), pair)),
            ], cancellationToken).ConfigureAwait(false);
            return pair;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // Enrolled already (or concurrently by a re-sent webhook): the first enrolment wins.
            var existing = await GetPairAsync(pair.BotEmail, pair.MentorId, pair.StudentId, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                // Heal a lone by-mentor row (a pair written by hand) so listing by student sees it too.
                await table.UpsertEntityAsync(PairEntity(partition, ByStudentKey(existing.StudentId, existing.MentorId), existing),
                    TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return existing;
            }
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, PairEntity(partition, ByMentorKey(pair.MentorId, pair.StudentId), pair)),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, PairEntity(partition, ByStudentKey(pair.StudentId, pair.MentorId), pair)),
            ], cancellationToken).ConfigureAwait(false);
            return pair;
        }
    }

    public async Task<bool> RemovePairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default)
    {
        var table = await _store.GetTableAsync(PairsTable, cancellationToken).ConfigureAwait(false);
        var partition = TableKeys.Bot(botEmail);
        var byMentor = await table.DeleteEntityAsync(partition, ByMentorKey(mentorId, studentId), ETag.All, cancellationToken).ConfigureAwait(false);
        var byStudent = await table.DeleteEntityAsync(partition, ByStudentKey(studentId, mentorId), ETag.All, cancellationToken).ConfigureAwait(false);
        return byMentor.Status != 404 || byStudent.Status != 404;
    }

    public Task<IReadOnlyList<PairRecord>> ListStudentsAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) =>
        ListPairsAsync(botEmail, "m-" + TableKeys.Id(mentorId) + "-", cancellationToken);

    public Task<IReadOnlyList<PairRecord>> ListMentorsOfStudentAsync(string botEmail, long studentId, CancellationToken cancellationToken = default) =>
        ListPairsAsync(botEmail, "s-" + TableKeys.Id(studentId) + "-", cancellationToken);

    private async Task<IReadOnlyList<PairRecord>> ListPairsAsync(string botEmail, string rowPrefix, CancellationToken cancellationToken)
    {
        var table = await _store.GetTableAsync(PairsTable, cancellationToken).ConfigureAwait(false);
        var partition = TableKeys.Bot(botEmail);
        // The prefix ends in '-'; '.' is the next character, so [prefix, prefix with '.') is exactly the prefix's rows.
        var upper = rowPrefix[..^1] + ".";
        var result = new List<PairRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(
                               e => e.PartitionKey == partition && e.RowKey.CompareTo(rowPrefix) >= 0 && e.RowKey.CompareTo(upper) < 0,
                               cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
            result.Add(ToPair(entity));
        return result;
    }

    private static string ByMentorKey(long mentorId, long studentId) => $"m-{TableKeys.Id(mentorId)}-{TableKeys.Id(studentId)}";

    private static string ByStudentKey(long studentId, long mentorId) => $"s-{TableKeys.Id(studentId)}-{TableKeys.Id(mentorId)}";

    private static TableEntity PairEntity(string partition, string rowKey, PairRecord pair) => new(partition, rowKey)
    {
        ["Version"] = CurrentVersion,
        ["BotEmail"] = pair.BotEmail,
        ["MentorId"] = pair.MentorId,
        ["StudentId"] = pair.StudentId,
        ["StudentEmail"] = pair.StudentEmail,
        ["StudentFullName"] = pair.StudentFullName,
        ["EnrolledAt"] = pair.EnrolledAt,
        ["Source"] = pair.Source.ToString(),
    };

    // Columns this version does not know (written by a newer one) are carried over, so an older instance's write keeps them.
    private static TableEntity MentorEntity(MentorRecord mentor, TableEntity? stored)
    {
        var entity = new TableEntity(TableKeys.Bot(mentor.BotEmail), TableKeys.Id(mentor.UserId));
        if (stored is not null)
        {
            foreach (var (key, value) in stored)
            {
                if (!KnownMentorColumns.Contains(key))
                    entity[key] = value;
            }
        }
        entity["Version"] = CurrentVersion;
        entity["BotEmail"] = mentor.BotEmail;
        entity["UserId"] = mentor.UserId;
        entity["Email"] = mentor.Email;
        entity["FullName"] = mentor.FullName;
        entity["RegisteredAt"] = mentor.RegisteredAt;
        entity["Mode"] = mentor.Mode.ToString();
        entity["PausedUntil"] = mentor.PausedUntil;
        entity["Persona"] = mentor.Persona;
        entity["QuietStartHour"] = mentor.QuietHours?.StartHour;
        entity["QuietEndHour"] = mentor.QuietHours?.EndHour;
        entity["QuietTimeZone"] = mentor.QuietHours?.TimeZone;
        // A language a newer version wrote reads as none here; writing none back would lose it.
        var storedLanguage = stored?.GetString("Language");
        entity["Language"] = mentor.Language ?? (Languages.Language.Known(storedLanguage) is null ? storedLanguage : null);
        return entity;
    }

    private static readonly HashSet<string> KnownMentorColumns = new(StringComparer.Ordinal)
    {
        "PartitionKey", "RowKey", "Timestamp", "odata.etag", "Version", "BotEmail", "UserId", "Email", "FullName", "RegisteredAt",
        "Mode", "PausedUntil", "Persona", "QuietStartHour", "QuietEndHour", "QuietTimeZone", "Language",
    };

    private static MentorRecord ToMentor(TableEntity e) => new(
        e.GetString("BotEmail") ?? e.PartitionKey,
        e.GetInt64("UserId") ?? long.Parse(e.RowKey, System.Globalization.CultureInfo.InvariantCulture),
        e.GetString("Email") ?? "",
        e.GetString("FullName") ?? "",
        e.GetDateTimeOffset("RegisteredAt") ?? DateTimeOffset.UnixEpoch,
        // A mode this version does not know (written by a newer one) is read as Off: never reply by mistake.
        Enum.TryParse<ReplyMode>(e.GetString("Mode"), out var mode) && Enum.IsDefined(mode) ? mode : ReplyMode.Off,
        e.GetDateTimeOffset("PausedUntil"),
        e.GetString("Persona"),
        e.GetInt32("QuietStartHour") is { } start && e.GetInt32("QuietEndHour") is { } end
            ? new MentorQuietHours(start, end, e.GetString("QuietTimeZone") ?? "UTC")
            : null,
        // A language this version does not write (stored by a newer one) is read as none: the mentor's writing decides.
        Languages.Language.Known(e.GetString("Language")));

    private static PairRecord ToPair(TableEntity e) => new(
        e.GetString("BotEmail") ?? e.PartitionKey,
        e.GetInt64("MentorId") ?? 0,
        e.GetInt64("StudentId") ?? 0,
        e.GetString("StudentEmail") ?? "",
        e.GetString("StudentFullName") ?? "",
        e.GetDateTimeOffset("EnrolledAt") ?? DateTimeOffset.UnixEpoch,
        e.GetString("Source") == "AutoEnrolled" ? EnrolmentSource.Unconsented
        : Enum.TryParse<EnrolmentSource>(e.GetString("Source"), out var source) && Enum.IsDefined(source) ? source : EnrolmentSource.Admin);
}
