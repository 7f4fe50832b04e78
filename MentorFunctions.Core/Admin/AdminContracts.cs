using System.Text.Json.Serialization;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;

namespace MentorFunctions.Core.Admin;

/// <summary>An admin API answer: the HTTP status and its JSON body ("" for 204).</summary>
public sealed record AdminResult(int Status, string Json);

/// <summary>One audit log entry as the admin API shows it. <paramref name="Event"/> names what happened ("reply.posted", ...).</summary>
public sealed record AuditEntryDto(
    DateTimeOffset At,
    string BotEmail,
    long? MentorId,
    long? StudentId,
    string Event,
    string? Outcome,
    long? MessageId,
    string? Detail);

/// <summary>Reads the audit log, newest first (implemented by the lead over the audit table).</summary>
public interface IAuditReader
{
    IAsyncEnumerable<AuditEntryDto> ReadAsync(string bot, long? mentorId, DateTimeOffset? since, int max, CancellationToken ct);
}

public sealed record FieldError(string Field, string Message);

public sealed record ErrorList(IReadOnlyList<FieldError> Errors);

public sealed record MentorDto(
    string BotEmail, long UserId, string Email, string FullName, DateTimeOffset RegisteredAt,
    ReplyMode Mode, DateTimeOffset? PausedUntil, string? Persona)
{
    internal static MentorDto From(MentorRecord m) => new(m.BotEmail, m.UserId, m.Email, m.FullName, m.RegisteredAt, m.Mode, m.PausedUntil, m.Persona);
}

public sealed record PairDto(
    string BotEmail, long MentorId, long StudentId, string StudentEmail, string StudentFullName, DateTimeOffset EnrolledAt,
    EnrolmentSource Source)
{
    internal static PairDto From(PairRecord p) => new(p.BotEmail, p.MentorId, p.StudentId, p.StudentEmail, p.StudentFullName, p.EnrolledAt, p.Source);
}

public sealed record MentorList(IReadOnlyList<MentorDto> Mentors);

public sealed record StudentList(long MentorId, IReadOnlyList<PairDto> Students);

public sealed record MentorProfile(long MentorId, string Summary, StyleSnapshot Snapshot);

public sealed record AuditList(IReadOnlyList<AuditEntryDto> Entries);

/// <summary>What a profile import did: merged (or not, when this import id was merged before) and the mentor's message counts.</summary>
public sealed record ProfileImportResult(string ImportId, bool Merged, long MessagesBefore, long MessagesAfter, int Pairs, bool Exemplars);

/// <summary>Merges an imported profile into the stored one and records the consent (implemented over the profile and consent tables).</summary>
public interface IProfileImporter
{
    Task<ProfileImportOutcome> ImportAsync(Consent.ProfileImportRecord consent, StyleProfile mentor, IReadOnlyDictionary<long, StyleProfile> pairs, CancellationToken ct);
}

/// <summary>The admin API's JSON, source-generated: camelCase, enums as strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ErrorList))]
[JsonSerializable(typeof(MentorDto))]
[JsonSerializable(typeof(PairDto))]
[JsonSerializable(typeof(MentorList))]
[JsonSerializable(typeof(StudentList))]
[JsonSerializable(typeof(MentorProfile))]
[JsonSerializable(typeof(AuditList))]
[JsonSerializable(typeof(ProfileImportResult))]
public sealed partial class AdminJsonContext : JsonSerializerContext;
