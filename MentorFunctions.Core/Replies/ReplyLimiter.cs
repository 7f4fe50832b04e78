using System.Globalization;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Replies;

/// <summary>Which limit stopped a reply: the reason word for the audit and the window its notice belongs to.</summary>
public sealed record ReplyLimitHit(string Limit, string WindowKey, long Allowed);

/// <summary>
/// The reply limits (ReplyOptions): replies per student per UTC hour, per mentor per UTC day, and the organisation's
/// (bot's) tokens per UTC day. Counted in Table Storage (<see cref="ReplyLimitCounters"/>).
/// </summary>
/// <summary>How much of today's limits is used: AI replies for one mentor, and model tokens for the organisation.</summary>
public sealed record ReplyUsage(long RepliesToday, long RepliesPerDay, long TokensToday, long TokensPerDay);

public sealed class ReplyLimiter(ReplyLimitCounters counters, IOptions<ReplyOptions> options)
{
    public const string StudentHour = "student-hour";
    public const string MentorDay = "mentor-day";
    public const string OrganisationTokens = "organisation-tokens";

    /// <summary>The first limit already reached, or null when a reply may be written.</summary>
    public async Task<ReplyLimitHit?> CheckAsync(ConversationKey conversation, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var student = StudentKey(conversation, now);
        if (await counters.GetAsync(conversation.BotEmail, student, cancellationToken).ConfigureAwait(false) >= o.MaxRepliesPerStudentPerHour)
            return new ReplyLimitHit(StudentHour, student, o.MaxRepliesPerStudentPerHour);
        var mentor = MentorKey(conversation, now);
        if (await counters.GetAsync(conversation.BotEmail, mentor, cancellationToken).ConfigureAwait(false) >= o.MaxRepliesPerMentorPerDay)
            return new ReplyLimitHit(MentorDay, mentor, o.MaxRepliesPerMentorPerDay);
        var tokens = TokensKey(now);
        if (await counters.GetAsync(conversation.BotEmail, tokens, cancellationToken).ConfigureAwait(false) >= o.DailyTokenBudget)
            return new ReplyLimitHit(OrganisationTokens, tokens, o.DailyTokenBudget);
        return null;
    }

    /// <summary>True for exactly one caller per (limit window, mentor): that caller tells the mentor.</summary>
    public Task<bool> ShouldNotifyAsync(ConversationKey conversation, ReplyLimitHit hit, CancellationToken cancellationToken = default) =>
        counters.TryMarkOnceAsync(conversation.BotEmail, $"{hit.WindowKey}-told-{conversation.MentorId}", cancellationToken);

    /// <summary>Today's use of the mentor's and the organisation's daily limits (UTC days), for the status command.</summary>
    public async Task<ReplyUsage> UsageAsync(string botEmail, long mentorId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var replies = await counters.GetAsync(botEmail, MentorKey(new ConversationKey(botEmail, mentorId, 0), now), cancellationToken).ConfigureAwait(false);
        var tokens = await counters.GetAsync(botEmail, TokensKey(now), cancellationToken).ConfigureAwait(false);
        return new ReplyUsage(replies, o.MaxRepliesPerMentorPerDay, tokens, o.DailyTokenBudget);
    }

    public async Task CountReplyAsync(ConversationKey conversation, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await counters.AddAsync(conversation.BotEmail, StudentKey(conversation, now), 1, cancellationToken).ConfigureAwait(false);
        await counters.AddAsync(conversation.BotEmail, MentorKey(conversation, now), 1, cancellationToken).ConfigureAwait(false);
    }

    public Task CountTokensAsync(ConversationKey conversation, DateTimeOffset now, int tokens, CancellationToken cancellationToken = default) =>
        tokens > 0 ? counters.AddAsync(conversation.BotEmail, TokensKey(now), tokens, cancellationToken) : Task.CompletedTask;

    private static string StudentKey(ConversationKey c, DateTimeOffset now) =>
        $"s-{c.MentorId}-{c.StudentId}-{now.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}";

    private static string MentorKey(ConversationKey c, DateTimeOffset now) =>
        $"m-{c.MentorId}-{now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    private static string TokensKey(DateTimeOffset now) =>
        $"t-{now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
}
