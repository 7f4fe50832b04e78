using System.Globalization;
using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Core.Replies;

/// <summary>Tells a mentor which AI replies are pending and how much of today's limits is used.</summary>
public sealed class ReplyStatusReporter(ReplyLimiter limiter, PendingReplyBoard pending, IMentorRegistry registry, TimeProvider time)
    : IReplyStatusReporter
{
    public async Task<IReadOnlyList<string>> DescribeAsync(string botEmail, long mentorId, CancellationToken ct)
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
                var name = names.TryGetValue(p.StudentId, out var n) ? n : $"student {p.StudentId}";
                var minutes = Math.Max(0, (int)Math.Ceiling((p.DueAt - now).TotalMinutes));
                var mood = p.Strained ? ", sounds stressed" : "";
                return string.Create(CultureInfo.InvariantCulture, $"{name} (in about {minutes} min{mood})");
            });
            lines.Add("**Pending AI replies:** " + string.Join(", ", items) + ". Answer the student yourself and I stand down.");
        }
        var usage = await limiter.UsageAsync(botEmail, mentorId, now, ct).ConfigureAwait(false);
        var share = usage.TokensPerDay > 0 ? 100.0 * usage.TokensToday / usage.TokensPerDay : 0;
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"**Limits:** {usage.RepliesToday} of {usage.RepliesPerDay} AI replies for you today (UTC); the organisation has used {share:F0}% of today's AI budget"));
        return lines;
    }
}
