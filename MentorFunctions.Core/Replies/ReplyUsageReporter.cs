using System.Globalization;
using MentorFunctions.Core.Commands;

namespace MentorFunctions.Core.Replies;

/// <summary>Tells a mentor how much of today's reply limits is used.</summary>
public sealed class ReplyUsageReporter(ReplyLimiter limiter, TimeProvider time) : IUsageReporter
{
    public async Task<string?> DescribeUsageAsync(string botEmail, long mentorId, CancellationToken ct)
    {
        var usage = await limiter.UsageAsync(botEmail, mentorId, time.GetUtcNow(), ct).ConfigureAwait(false);
        var share = usage.TokensPerDay > 0 ? 100.0 * usage.TokensToday / usage.TokensPerDay : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{usage.RepliesToday} of {usage.RepliesPerDay} AI replies for you today (UTC); the organisation has used {share:F0}% of today's AI budget");
    }
}
