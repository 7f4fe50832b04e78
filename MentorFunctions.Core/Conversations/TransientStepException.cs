namespace MentorFunctions.Core.Conversations;

/// <summary>
/// A step failed for a reason that may pass (timeout, 429, 5xx). The runtime retries the step with backoff
/// (Durable's retry policy in Azure, the same policy on the virtual clock); <see cref="RetryAfter"/> is the
/// server's hint, when it gave one. Any other exception from a step is final for that step.
/// </summary>
public sealed class TransientStepException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
