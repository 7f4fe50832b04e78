namespace MentorFunctions.Core.Storage;

/// <summary>How the AI stand-in acts for a mentor.</summary>
public enum ReplyMode
{
    /// <summary>Post AI replies to the student (labelled as AI).</summary>
    Auto = 0,
    /// <summary>Send the mentor a draft privately; the mentor answers send, edit or skip.</summary>
    Draft = 1,
    /// <summary>Learn only; never reply.</summary>
    Off = 2,
}

/// <summary>A mentor's own quiet hours: whole local hours in an IANA time zone ("Europe/Lisbon"); start 22, end 7 spans midnight.</summary>
public sealed record MentorQuietHours(int StartHour, int EndHour, string TimeZone);

/// <summary>
/// A registered mentor of one bot (organisation). <see cref="Language"/> is the language the mentor chose for the bot's
/// notices and answers (`language es`); null lets MentorLanguages tell it from their writing.
/// </summary>
public sealed record MentorRecord(
    string BotEmail,
    long UserId,
    string Email,
    string FullName,
    DateTimeOffset RegisteredAt,
    ReplyMode Mode = ReplyMode.Auto,
    DateTimeOffset? PausedUntil = null,
    string? Persona = null,
    MentorQuietHours? QuietHours = null,
    string? Language = null);

/// <summary>How a student came to be paired with a mentor.</summary>
public enum EnrolmentSource
{
    /// <summary>An admin registered the pair (admin API or setup).</summary>
    Admin = 0,
    /// <summary>The mentor wrote in the group DM of the mentor, the student and the bot: their own message was consent.</summary>
    MentorWrote = 1,
    /// <summary>The mentor answered the bot's question with `accept`.</summary>
    MentorAccepted = 2,
    /// <summary>
    /// Enrolled automatically by a version before consent (stored as "AutoEnrolled"), possibly by the student's message
    /// alone: treated as no pair until the mentor consents, which replaces it.
    /// </summary>
    Unconsented = 3,
}

/// <summary>A mentor–student pair (the seed's MentorStudentRelation).</summary>
public sealed record PairRecord(
    string BotEmail,
    long MentorId,
    long StudentId,
    string StudentEmail,
    string StudentFullName,
    DateTimeOffset EnrolledAt,
    EnrolmentSource Source);

/// <summary>Mentors and their students, per bot. Reads are frequent (every webhook call) and may be cached.</summary>
public interface IMentorRegistry
{
    Task<MentorRecord?> GetMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers or changes one mentor. <paramref name="change"/> gets the stored record as it is now (null when the
    /// mentor is not registered), never a cached copy, and returns the record to store (null, or an equal record: no
    /// write). The write is conditional on the record read; when another writer got there first the record is read again
    /// and the change applied again, so two changes of different settings (a pause and a persona) both survive.
    /// Returns the record stored at the end (null when none). The change may run more than once: keep it pure.
    /// </summary>
    Task<MentorRecord?> UpdateMentorAsync(string botEmail, long mentorId, Func<MentorRecord?, MentorRecord?> change,
        CancellationToken cancellationToken = default);

    /// <summary>Removes a mentor and all their pairs. Returns false when the mentor was not registered.</summary>
    Task<bool> RemoveMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MentorRecord>> ListMentorsAsync(string botEmail, CancellationToken cancellationToken = default);

    Task<PairRecord?> GetPairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default);

    /// <summary>Adds a pair if it is not there yet; returns the stored pair (the existing one when it was there).</summary>
    Task<PairRecord> EnrolAsync(PairRecord pair, CancellationToken cancellationToken = default);

    Task<bool> RemovePairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PairRecord>> ListStudentsAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default);

    /// <summary>The pairs in which a user is the student (a student may have several mentors).</summary>
    Task<IReadOnlyList<PairRecord>> ListMentorsOfStudentAsync(string botEmail, long studentId, CancellationToken cancellationToken = default);
}
