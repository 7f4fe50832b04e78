using System.Globalization;
using Azure;
using Azure.Identity;
using MentorFunctions.Core.Conversations;

namespace MentorFunctions.Core.Storage;

/// <summary>
/// The one place that decides whether a failed storage or identity call may pass, applied where a workflow step ends
/// (<see cref="ConversationStepRunner"/>), so the registry, audit, counters, drafts, consent and profiles are judged
/// alike: a transient failure is retried by the step policy; anything else ends the step.
/// </summary>
public static class StorageFailures
{
    /// <summary>The failure as a <see cref="TransientStepException"/> when it may pass; null when it is final.</summary>
    public static TransientStepException? Classify(Exception exception) => exception switch
    {
        TransientStepException transient => transient,
        RequestFailedException e when IsTransientStatus(e.Status) => new TransientStepException(
            e.Status == 0 ? "Table Storage could not be reached." : $"Table Storage answered {e.Status} ({e.ErrorCode}).", RetryAfter(e), e),
        // DefaultAzureCredential's token sources (managed identity endpoint, Entra ID) fail now and then, and recover.
        AuthenticationFailedException or CredentialUnavailableException =>
            new TransientStepException("No token for the storage account could be obtained.", null, exception),
        // What Azure.Core throws when every one of its own retries failed without a response.
        AggregateException { InnerExceptions.Count: > 0 } all when all.InnerExceptions.All(e => Classify(e) is not null) =>
            new TransientStepException("Table Storage could not be reached.", null, exception),
        HttpRequestException or IOException or TimeoutException =>
            new TransientStepException("Table Storage could not be reached.", null, exception),
        _ => null,
    };

    /// <summary>
    /// 0 is no response at all (connection refused or reset); 408 and 429 throttling; 409/412 a concurrent writer, which
    /// a fresh attempt reads anew; 5xx the service, except the two that will not change (501, 505).
    /// </summary>
    public static bool IsTransientStatus(int status) => status is 0 or 408 or 409 or 412 or 429 or (>= 500 and not 501 and not 505);

    private static TimeSpan? RetryAfter(RequestFailedException e)
    {
        if (e.GetRawResponse() is not { } response || !response.Headers.TryGetValue("Retry-After", out var value))
            return null;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
    }
}
