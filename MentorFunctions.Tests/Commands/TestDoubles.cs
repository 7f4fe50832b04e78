using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Tests.Commands;

/// <summary>
/// A small IMentorRegistry on real Table Storage (tables "mentors" and "pairs"), standing in for the intake helper's
/// TableMentorRegistry so erasure can be proven by querying Azurite.
/// </summary>
internal sealed class AzuriteMentorRegistry(TableStore tables) : IMentorRegistry
{
    public async Task<MentorRecord?> GetMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default)
    {
        var t = await tables.GetTableAsync("mentors", cancellationToken);
        var r = await t.GetEntityIfExistsAsync<TableEntity>(TableKeys.Bot(botEmail), TableKeys.Id(mentorId), cancellationToken: cancellationToken);
        return r.HasValue && r.Value is { } e ? ToMentor(e) : null;
    }

    public async Task UpsertMentorAsync(MentorRecord m, CancellationToken cancellationToken = default)
    {
        var t = await tables.GetTableAsync("mentors", cancellationToken);
        await t.UpsertEntityAsync(new TableEntity(TableKeys.Bot(m.BotEmail), TableKeys.Id(m.UserId))
        {
            ["BotEmail"] = m.BotEmail, ["UserId"] = m.UserId, ["Email"] = m.Email, ["FullName"] = m.FullName,
            ["RegisteredAt"] = m.RegisteredAt, ["Mode"] = (int)m.Mode, ["PausedUntil"] = m.PausedUntil, ["Persona"] = m.Persona,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> RemoveMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default)
    {
        foreach (var p in await ListStudentsAsync(botEmail, mentorId, cancellationToken))
            await RemovePairAsync(botEmail, mentorId, p.StudentId, cancellationToken);
        var t = await tables.GetTableAsync("mentors", cancellationToken);
        var r = await t.DeleteEntityAsync(TableKeys.Bot(botEmail), TableKeys.Id(mentorId), ETag.All, cancellationToken);
        return r.Status != 404;
    }

    public async Task<IReadOnlyList<MentorRecord>> ListMentorsAsync(string botEmail, CancellationToken cancellationToken = default)
    {
        var t = await tables.GetTableAsync("mentors", cancellationToken);
        var list = new List<MentorRecord>();
        await foreach (var e in t.QueryAsync<TableEntity>(x => x.PartitionKey == TableKeys.Bot(botEmail), cancellationToken: cancellationToken))
            list.Add(ToMentor(e));
        return list;
    }

    public async Task<PairRecord?> GetPairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default)
    {
        var t = await tables.GetTableAsync("pairs", cancellationToken);
        var r = await t.GetEntityIfExistsAsync<TableEntity>(TableKeys.Bot(botEmail), PairKey(mentorId, studentId), cancellationToken: cancellationToken);
        return r.HasValue && r.Value is { } e ? ToPair(e) : null;
    }

    public async Task<PairRecord> EnrolAsync(PairRecord p, CancellationToken cancellationToken = default)
    {
        if (await GetPairAsync(p.BotEmail, p.MentorId, p.StudentId, cancellationToken) is { } existing)
            return existing;
        var t = await tables.GetTableAsync("pairs", cancellationToken);
        await t.UpsertEntityAsync(new TableEntity(TableKeys.Bot(p.BotEmail), PairKey(p.MentorId, p.StudentId))
        {
            ["BotEmail"] = p.BotEmail, ["MentorId"] = p.MentorId, ["StudentId"] = p.StudentId, ["StudentEmail"] = p.StudentEmail,
            ["StudentFullName"] = p.StudentFullName, ["EnrolledAt"] = p.EnrolledAt, ["Source"] = (int)p.Source,
        }, TableUpdateMode.Replace, cancellationToken);
        return p;
    }

    public async Task<bool> RemovePairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default)
    {
        var t = await tables.GetTableAsync("pairs", cancellationToken);
        var r = await t.DeleteEntityAsync(TableKeys.Bot(botEmail), PairKey(mentorId, studentId), ETag.All, cancellationToken);
        return r.Status != 404;
    }

    public Task<IReadOnlyList<PairRecord>> ListStudentsAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) =>
        QueryPairsAsync(botEmail, $"MentorId eq {mentorId}L", cancellationToken);

    public Task<IReadOnlyList<PairRecord>> ListMentorsOfStudentAsync(string botEmail, long studentId, CancellationToken cancellationToken = default) =>
        QueryPairsAsync(botEmail, $"StudentId eq {studentId}L", cancellationToken);

    private async Task<IReadOnlyList<PairRecord>> QueryPairsAsync(string botEmail, string filter, CancellationToken ct)
    {
        var t = await tables.GetTableAsync("pairs", ct);
        var list = new List<PairRecord>();
        await foreach (var e in t.QueryAsync<TableEntity>($"PartitionKey eq '{TableKeys.Bot(botEmail)}' and {filter}", cancellationToken: ct))
            list.Add(ToPair(e));
        return list;
    }

    private static string PairKey(long mentorId, long studentId) => TableKeys.Id(mentorId) + "-" + TableKeys.Id(studentId);

    private static MentorRecord ToMentor(TableEntity e) => new(
        e.GetString("BotEmail")!, e.GetInt64("UserId")!.Value, e.GetString("Email")!, e.GetString("FullName")!,
        e.GetDateTimeOffset("RegisteredAt")!.Value, (ReplyMode)e.GetInt32("Mode")!.Value, e.GetDateTimeOffset("PausedUntil"), e.GetString("Persona"));

    private static PairRecord ToPair(TableEntity e) => new(
        e.GetString("BotEmail")!, e.GetInt64("MentorId")!.Value, e.GetInt64("StudentId")!.Value, e.GetString("StudentEmail")!,
        e.GetString("StudentFullName")!, e.GetDateTimeOffset("EnrolledAt")!.Value, (EnrolmentSource)e.GetInt32("Source")!.Value);
}

internal sealed class FixedStyleDescriber(string text = "Short, friendly answers with a question back.") : IStyleDescriber
{
    public List<(string Bot, long MentorId)> Calls { get; } = [];

    public Task<string> DescribeMentorAsync(string botEmail, long mentorId, CancellationToken ct)
    {
        lock (Calls) Calls.Add((botEmail, mentorId));
        return Task.FromResult(text);
    }
}

internal sealed class RecordingDraftPoster : IDraftPoster
{
    private long _nextId = 1000;
    public ConcurrentQueue<(string Bot, long MentorId, long StudentId, string Content, bool Edited)> Posts { get; } = new();
    public bool Fail { get; set; }

    public Task<long> PostAsync(string bot, long mentorId, long studentId, string content, bool editedByMentor)
    {
        if (Fail) throw new HttpRequestException("Zulip unreachable");
        Posts.Enqueue((bot, mentorId, studentId, content, editedByMentor));
        return Task.FromResult(Interlocked.Increment(ref _nextId));
    }
}

internal sealed class RecordingFeedbackSink : IDraftFeedbackSink
{
    public ConcurrentQueue<(string Bot, long MentorId, long StudentId, string Original, string Edited)> Edits { get; } = new();

    public Task OnEditedAsync(string bot, long mentorId, long studentId, string original, string edited, long postedMessageId)
    {
        Edits.Enqueue((bot, mentorId, studentId, original, edited));
        return Task.CompletedTask;
    }
}
