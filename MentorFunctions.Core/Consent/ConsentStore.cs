using Azure;
using Azure.Data.Tables;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Core.Consent;

/// <summary>Where a mentor stands on a student who wrote to them before any pair existed.</summary>
public enum ConsentState
{
    /// <summary>The bot asked the mentor to `accept` or `decline`; no answer yet.</summary>
    Requested = 0,
    /// <summary>The mentor declined: no stand-in for this student, and no more asking.</summary>
    Declined = 1,
}

/// <summary>One mentor's answer (or pending question) about one would-be student.</summary>
public sealed record ConsentRecord(string BotEmail, long MentorId, long StudentId, ConsentState State, DateTimeOffset At);

/// <summary>
/// Consent questions and refusals in Table Storage (table "consent"), partitioned by bot and mentor. Only ids, a state
/// and a time: never names or message text. `forget` of either user removes their rows.
/// </summary>
public sealed class ConsentStore(TableStore tables) : IPersonalDataStore
{
    internal const string TableName = "consent";

    public string Name => "consent";

    public async Task<ConsentRecord?> GetAsync(string botEmail, long mentorId, long studentId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var read = await table.GetEntityIfExistsAsync<TableEntity>(Partition(botEmail, mentorId), TableKeys.Id(studentId), cancellationToken: ct).ConfigureAwait(false);
        if (!read.HasValue || read.Value is not { } e)
            return null;
        return new ConsentRecord(botEmail, mentorId, studentId, (ConsentState)(e.GetInt32("State") ?? 0), e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);
    }

    /// <summary>Every pending question and refusal about one mentor's would-be students, oldest first (one partition).</summary>
    public async Task<IReadOnlyList<ConsentRecord>> ListForMentorAsync(string botEmail, long mentorId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var partition = Partition(botEmail, mentorId);
        var list = new List<ConsentRecord>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == partition, cancellationToken: ct).ConfigureAwait(false))
        {
            if (!long.TryParse(e.RowKey, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var student))
                continue;
            list.Add(new ConsentRecord(botEmail, mentorId, student, (ConsentState)(e.GetInt32("State") ?? 0), e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue));
        }
        list.Sort((a, b) => a.At.CompareTo(b.At));
        return list;
    }

    public async Task SetAsync(ConsentRecord record, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var entity = new TableEntity(Partition(record.BotEmail, record.MentorId), TableKeys.Id(record.StudentId))
        {
            ["Version"] = 1,
            ["State"] = (int)record.State,
            ["At"] = record.At,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string botEmail, long mentorId, long studentId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var response = await table.DeleteEntityAsync(Partition(botEmail, mentorId), TableKeys.Id(studentId), ETag.All, ct).ConfigureAwait(false);
        return response.Status != 404;
    }

    public async Task<int> DeleteUserAsync(string botEmail, long userId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var asMentor = Partition(botEmail, userId);
        var asStudent = TableKeys.Id(userId);
        return await table.DeleteWhereAsync(TableClientExtensions.PartitionPrefixFilter(TableKeys.Bot(botEmail) + "|"),
            (pk, rk) => pk == asMentor || rk == asStudent, ct).ConfigureAwait(false);
    }

    private static string Partition(string botEmail, long mentorId) => TableKeys.Bot(botEmail) + "|" + TableKeys.Id(mentorId);
}
