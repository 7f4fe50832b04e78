using System.Text.Json.Serialization;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Core.Admin.Dashboard;

/// <summary>
/// One HTTP request to the dashboard, as the shell (or a test host) received it. <see cref="Path"/> is below "dashboard/";
/// <see cref="UrlPath"/> is the whole path of the URL, so the page can be sent to its canonical address (with "/").
/// </summary>
public sealed record DashboardRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Query,
    string? Body,
    string? UrlPath = null)
{
    public string? Header(string name) =>
        Headers.TryGetValue(name, out var v) ? v : Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? QueryValue(string name) =>
        Query.FirstOrDefault(q => string.Equals(q.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>The answer: status, content type, body and extra headers (security and caching).</summary>
public sealed record DashboardResponse(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>Who is looking: programme staff see every mentor of every bot; a mentor sees only their own data.</summary>
public sealed record ViewerDto(string Name, bool IsStaff, bool SignInRequired, IReadOnlyList<ViewerBotDto> Bots);

/// <summary>A bot the viewer may look at, and (for a mentor) their own mentor id there.</summary>
public sealed record ViewerBotDto(string BotEmail, long? MentorId);

public sealed record LimitsDto(long RepliesToday, long RepliesPerDay, long TokensToday, long TokensPerDay);

public sealed record MentorRowDto(
    long UserId, string FullName, string Email, ReplyMode Mode, bool Paused, DateTimeOffset? PausedUntil, bool PausedUntilResumed,
    MentorQuietHours? QuietHours, int Students, int AwaitingConsent, long MessagesSeen, double Confidence, LimitsDto Limits);

public sealed record MentorRowsDto(string BotEmail, IReadOnlyList<MentorRowDto> Mentors);

/// <summary>A student of a mentor. <paramref name="Consent"/> is what is on record about the stand-in answering them.</summary>
public sealed record StudentDto(long StudentId, string FullName, string Email, EnrolmentSource Source, DateTimeOffset EnrolledAt, string Consent);

/// <summary>
/// Someone who wrote in a group DM with the mentor and the bot without being their student: the bot asked the mentor
/// (<paramref name="State"/> "awaiting": no AI reply and nothing learned until they `accept`) or the mentor declined
/// ("declined"). The consent table keeps only ids and times, so no name is shown.
/// </summary>
public sealed record ConsentRequestDto(long StudentId, string State, DateTimeOffset At, string Consent);

/// <summary>A 7×24 grid of the mentor's messages (row 0 = Monday) in <paramref name="TimeZone"/>.</summary>
public sealed record WeekHeatmapDto(string TimeZone, double UtcOffsetHours, IReadOnlyList<IReadOnlyList<long>> Counts, long Total);

/// <summary>A log-scale bin (<paramref name="Index"/> of the profile's latency histogram) from <paramref name="FromSeconds"/> to <paramref name="ToSeconds"/>.</summary>
public sealed record LatencyBinDto(int Index, double FromSeconds, double ToSeconds, long Count, double PlannerShare);

/// <summary>
/// The mentor's real reply latencies (<see cref="Bins"/> counts) against <paramref name="PlannerDraws"/> delays drawn by the
/// delay planner itself from the same profile (each bin's <see cref="LatencyBinDto.PlannerShare"/>).
/// </summary>
public sealed record LatencyDto(long Samples, double? MedianSeconds, double? PlannerMedianSeconds, int PlannerDraws, IReadOnlyList<LatencyBinDto> Bins);

/// <summary>
/// Message length: the running statistics, and the profile's log-binned distributions of messages and sentences by
/// length in words (empty when nothing is learned).
/// </summary>
public sealed record LengthDto(
    double MeanChars, double StdDevChars, double MeanWords, long Messages, IReadOnlyList<LengthBinDto> Bins, long Sentences, IReadOnlyList<LengthBinDto> SentenceBins);

/// <summary>
/// One length bin (<paramref name="Index"/> of the stored histogram): <paramref name="FromWords"/> to <paramref name="ToWords"/>
/// words inclusive (null: and more), the mentor's count, and the programme's average share of that bin (each mentor once).
/// </summary>
public sealed record LengthBinDto(int Index, int FromWords, int? ToWords, long Count, double ProgrammeShare);

/// <summary>A punctuation or typography mark per 1,000 characters of the mentor's own text, against the programme's average.</summary>
public sealed record MarkRateDto(string Key, string Label, long Count, double MentorPerThousand, double ProgrammePerThousand);

/// <summary>
/// A function word the mentor uses notably more or less than the programme: uses per 1,000 words, and the binomial
/// z-score of the mentor's count against the programme's average rate (positive: more often).
/// </summary>
public sealed record FunctionWordDto(string Word, long Count, double MentorPerThousand, double ProgrammePerThousand, double ZScore);

/// <summary>One habit (a rate per message) of the mentor, against the programme's average over its mentors.</summary>
public sealed record HabitDto(string Key, string Label, double Mentor, double Programme);

public sealed record PhraseDto(string Text, double RatePerMessage);

public sealed record StyleViewDto(
    long MessagesSeen, double Confidence, string ConfidenceWords, int ProfileVersion, int ProgrammeMentors,
    WeekHeatmapDto Heatmap, LatencyDto Latency, LengthDto Length, IReadOnlyList<HabitDto> Habits,
    long TextChars, IReadOnlyList<MarkRateDto> Marks, long TotalWords, IReadOnlyList<FunctionWordDto> FunctionWords,
    IReadOnlyList<PhraseDto> Phrases, IReadOnlyList<PhraseDto> Openers, IReadOnlyList<PhraseDto> SignOffs, string Summary);

public sealed record MentorDetailDto(
    string BotEmail, MentorRowDto Mentor, IReadOnlyList<StudentDto> Students, IReadOnlyList<ConsentRequestDto> ConsentRequests,
    StyleViewDto Style, bool CanManagePairs);

/// <summary>One AI reply outcome from the audit trail. <paramref name="Content"/> only when the deployment keeps reply text.</summary>
public sealed record ReplyEventDto(
    DateTimeOffset At, long StudentId, string? StudentName, long ReplyId, string Outcome, string? Reason,
    double DelaySeconds, int PromptTokens, int CompletionTokens, long? PostedMessageId, string? Content);

public sealed record ReplyTimelineDto(
    long MentorId, DateTimeOffset Since, double? MentorMedianLatencySeconds, bool KeepsContent,
    IReadOnlyDictionary<string, int> Outcomes, IReadOnlyList<ReplyEventDto> Events);

/// <summary>The dashboard's JSON, source-generated: camelCase, enums as strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ViewerDto))]
[JsonSerializable(typeof(MentorRowsDto))]
[JsonSerializable(typeof(MentorDetailDto))]
[JsonSerializable(typeof(ReplyTimelineDto))]
[JsonSerializable(typeof(MentorRowDto))]
[JsonSerializable(typeof(ErrorList))]
public sealed partial class DashboardJsonContext : JsonSerializerContext;
