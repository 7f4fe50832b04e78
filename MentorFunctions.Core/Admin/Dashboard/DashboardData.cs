using System.Globalization;
using Azure.Data.Tables;
using MentorFunctions.Core.Consent;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Replies;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Timing;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Admin.Dashboard;

/// <summary>
/// The dashboard's read side: mentors with their settings and today's limits, the learned style as chart data, and the
/// AI replies from the audit trail. Reads the same stores the workflow writes; it never writes.
/// </summary>
public sealed class DashboardData(
    IMentorRegistry registry,
    ConsentStore consent,
    IStyleProfileReader profiles,
    TableStore tables,
    ReplyLimiter limiter,
    DelayPlanner planner,
    IOptions<ReplyOptions> replyOptions,
    TimeProvider time)
{
    /// <summary>How many delays the planner draws for the overlay: enough for a smooth shape, a few milliseconds of work.</summary>
    public const int PlannerDraws = 2000;
    public const int MaxTimelineDays = 90;

    public async Task<MentorRowDto> RowAsync(MentorRecord mentor, StyleProfile? raw, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var students = await registry.ListStudentsAsync(mentor.BotEmail, mentor.UserId, ct).ConfigureAwait(false);
        var usage = await limiter.UsageAsync(mentor.BotEmail, mentor.UserId, now, ct).ConfigureAwait(false);
        var asked = await consent.ListForMentorAsync(mentor.BotEmail, mentor.UserId, ct).ConfigureAwait(false);
        var paused = mentor.PausedUntil is { } until && until > now;
        return new MentorRowDto(
            mentor.UserId, mentor.FullName, mentor.Email, mentor.Mode, paused, paused ? mentor.PausedUntil : null,
            paused && mentor.PausedUntil >= Commands.MentorCommandHandler.UntilResumed,
            mentor.QuietHours, students.Count, asked.Count(a => a.State == ConsentState.Requested), raw?.Messages ?? 0, raw?.Confidence ?? 0,
            new LimitsDto(usage.RepliesToday, usage.RepliesPerDay, usage.TokensToday, usage.TokensPerDay));
    }

    public async Task<MentorRowsDto> RowsAsync(string bot, IEnumerable<MentorRecord> mentors, CancellationToken ct)
    {
        var raw = await MentorProfilesAsync(bot, ct).ConfigureAwait(false);
        var rows = new List<MentorRowDto>();
        foreach (var m in mentors.OrderBy(m => m.FullName, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.UserId))
            rows.Add(await RowAsync(m, raw.GetValueOrDefault(m.UserId), ct).ConfigureAwait(false));
        return new MentorRowsDto(bot, rows);
    }

    public async Task<MentorDetailDto> DetailAsync(MentorRecord mentor, bool canManagePairs, CancellationToken ct)
    {
        var all = await MentorProfilesAsync(mentor.BotEmail, ct).ConfigureAwait(false);
        var raw = all.GetValueOrDefault(mentor.UserId);
        var row = await RowAsync(mentor, raw, ct).ConfigureAwait(false);
        var students = (await registry.ListStudentsAsync(mentor.BotEmail, mentor.UserId, ct).ConfigureAwait(false))
            .OrderBy(s => s.StudentFullName, StringComparer.OrdinalIgnoreCase)
            .Select(s => new StudentDto(s.StudentId, s.StudentFullName, s.StudentEmail, s.Source, s.EnrolledAt, ConsentOf(s)))
            .ToList();
        var requests = (await consent.ListForMentorAsync(mentor.BotEmail, mentor.UserId, ct).ConfigureAwait(false))
            .Select(ConsentRequestOf).ToList();
        var snapshot = await profiles.ReadMentorAsync(mentor.BotEmail, mentor.UserId, ct).ConfigureAwait(false);
        var style = DashboardStyleView.Build(mentor, raw, snapshot, all.Values.Where(p => p.Messages > 0).ToList(), planner, time.GetUtcNow());
        return new MentorDetailDto(mentor.BotEmail, row, students, requests, style, canManagePairs);
    }

    public async Task<ReplyTimelineDto> TimelineAsync(MentorRecord mentor, int days, CancellationToken ct)
    {
        var since = time.GetUtcNow().AddDays(-days);
        var students = (await registry.ListStudentsAsync(mentor.BotEmail, mentor.UserId, ct).ConfigureAwait(false))
            .ToDictionary(s => s.StudentId, s => s.StudentFullName);
        var table = await tables.GetTableAsync(AuditLog.TableName, ct).ConfigureAwait(false);
        var (from, to) = ConversationPartitions.Range(mentor.BotEmail, mentor.UserId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to} and At ge {since}");
        var events = new List<ReplyEventDto>();
        // Text written while an earlier setting kept it is not shown once the deployment stops keeping it.
        var keepsContent = replyOptions.Value.AuditIncludeContent;
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            var student = e.GetInt64("StudentId") ?? 0;
            events.Add(new ReplyEventDto(
                e.GetDateTimeOffset("At") ?? e.Timestamp ?? DateTimeOffset.MinValue,
                student,
                students.TryGetValue(student, out var name) ? name : null,
                e.GetInt64("ReplyId") ?? 0,
                OutcomeName(e.GetString("Outcome")),
                e.GetString("Reason"),
                e.GetDouble("DelaySeconds") ?? 0,
                e.GetInt32("PromptTokens") ?? 0,
                e.GetInt32("CompletionTokens") ?? 0,
                e.GetInt64("PostedMessageId"),
                keepsContent ? e.GetString("Content") : null));
        }
        events.Sort((a, b) => b.At.CompareTo(a.At));
        var raw = (await MentorProfilesAsync(mentor.BotEmail, ct).ConfigureAwait(false)).GetValueOrDefault(mentor.UserId);
        double? median = raw is null ? null : FiniteOrNull(LatencyHistogram.Quantile(raw.LatencyBins, 0.5));
        var outcomes = events.GroupBy(e => e.Outcome).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ReplyTimelineDto(mentor.UserId, since, median, keepsContent, outcomes, events);
    }

    /// <summary>The mentor-wide profiles of every mentor of a bot, by mentor id (one partition-range query).</summary>
    internal async Task<Dictionary<long, StyleProfile>> MentorProfilesAsync(string bot, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(ProfileStore.TableShortName, ct).ConfigureAwait(false);
        var prefix = TableKeys.Bot(bot) + "|";
        // '}' sorts right after '|', so [prefix, prefix with '}') is exactly this bot's partitions.
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix[..^1] + "}"} and RowKey eq {ProfileStore.MentorRow}");
        var result = new Dictionary<long, StyleProfile>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            if (e.GetBinary("Data") is not { } data
                || !long.TryParse(e.PartitionKey.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var mentorId))
                continue;
            try
            {
                result[mentorId] = ProfileCodec.Deserialize(data).Profile;
            }
            catch (ProfileFormatException)
            {
                // A damaged profile shows as "nothing learned yet"; the workflow reports it when it next writes.
            }
        }
        return result;
    }

    /// <summary>What is on record about the stand-in answering this student.</summary>
    internal static string ConsentOf(PairRecord pair) => pair.Source switch
    {
        EnrolmentSource.Admin => "paired by programme staff",
        EnrolmentSource.MentorWrote => "the mentor wrote in the group DM (consent)",
        EnrolmentSource.MentorAccepted => "the mentor accepted",
        EnrolmentSource.Unconsented => "enrolled by an earlier version without consent: not answered until the mentor agrees",
        _ => pair.Source.ToString(),
    };

    internal static ConsentRequestDto ConsentRequestOf(ConsentRecord record) => record.State switch
    {
        ConsentState.Declined => new ConsentRequestDto(record.StudentId, "declined", record.At,
            "the mentor declined: no AI replies, not asked again (their \"accept\" undoes it)"),
        _ => new ConsentRequestDto(record.StudentId, "awaiting", record.At,
            "the bot asked the mentor to \"accept\" or \"decline\": until then no AI replies, nothing learned"),
    };

    private static string OutcomeName(string? stored) =>
        Enum.TryParse<DeliveryOutcome>(stored, out var outcome) ? outcome switch
        {
            DeliveryOutcome.Posted => "posted",
            DeliveryOutcome.Drafted => "drafted",
            DeliveryOutcome.MentorAnswered => "stood-down",
            DeliveryOutcome.Limited => "limited",
            DeliveryOutcome.Refused => "refused",
            DeliveryOutcome.Failed => "failed",
            DeliveryOutcome.Paused => "paused",
            DeliveryOutcome.Escalated => "escalated",
            DeliveryOutcome.Withheld => "withheld",
            _ => outcome.ToString().ToLowerInvariant(),
        } : "unknown";

    internal static double? FiniteOrNull(double value) => double.IsFinite(value) ? value : null;
}
