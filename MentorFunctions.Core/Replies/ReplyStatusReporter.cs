using System.Globalization;
using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Languages.Texts;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Core.Replies;

/// <summary>Tells a mentor which AI replies are pending and how much of today's limits is used.</summary>
public sealed class ReplyStatusReporter(ReplyLimiter limiter, PendingReplyBoard pending, IMentorRegistry registry, TimeProvider time)
    : IReplyStatusReporter
{
    public async Task<IReadOnlyList<string>> DescribeAsync(string botEmail, long mentorId, string language, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var lines = new List<string>();
        var waiting = await pending.ListAsync(botEmail, mentorId, ct).ConfigureAwait(false);
        if (waiting.Count > 0)
        {
            var students = await registry.ListStudentsAsync(botEmail, mentorId, ct).ConfigureAwait(false);
            var names = students.ToDictionary(s => s.StudentId, s => s.StudentFullName);
            var items = waiting.Select(p =>
            {
                var name = names.TryGetValue(p.StudentId, out var n) ? n : SafeguardingTexts.UnnamedStudent.Format(language, ("id", p.StudentId));
                var minutes = Math.Max(0, (int)Math.Ceiling((p.DueAt - now).TotalMinutes));
                return (p.Strained ? ReplyStatusTexts.PendingItemStressed : ReplyStatusTexts.PendingItem).Format(language, ("name", name), ("minutes", minutes));
            });
            lines.Add(ReplyStatusTexts.Pending.Format(language, ("items", string.Join(", ", items))));
        }
        var usage = await limiter.UsageAsync(botEmail, mentorId, now, ct).ConfigureAwait(false);
        var share = usage.TokensPerDay > 0 ? 100.0 * usage.TokensToday / usage.TokensPerDay : 0;
        lines.Add(ReplyStatusTexts.Limits.Format(language, ("replies", usage.RepliesToday), ("perDay", usage.RepliesPerDay),
            ("share", share.ToString("F0", CultureInfo.InvariantCulture))));
        return lines;
    }
}
