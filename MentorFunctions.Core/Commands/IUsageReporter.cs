namespace MentorFunctions.Core.Commands;

/// <summary>The `status` command's line on limits used today; null when the deployment reports none.</summary>
public interface IUsageReporter
{
    Task<string?> DescribeUsageAsync(string botEmail, long mentorId, CancellationToken ct);
}

internal sealed class NoUsageReporter : IUsageReporter
{
    public Task<string?> DescribeUsageAsync(string botEmail, long mentorId, CancellationToken ct) => Task.FromResult<string?>(null);
}
