namespace MentorFunctions.Core.Commands;

/// <summary>The `status` command's lines about the AI's replies: those pending now and today's use of the limits.</summary>
public interface IReplyStatusReporter
{
    /// <summary>Markdown lines such as "**Limits:** …" in <paramref name="language"/>; empty when the deployment reports none.</summary>
    Task<IReadOnlyList<string>> DescribeAsync(string botEmail, long mentorId, string language, CancellationToken ct);
}

internal sealed class NoReplyStatusReporter : IReplyStatusReporter
{
    public Task<IReadOnlyList<string>> DescribeAsync(string botEmail, long mentorId, string language, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
