using System.Globalization;
using System.Text.RegularExpressions;

namespace MentorFunctions.Core.Conversations;

/// <summary>
/// A step failed for a reason that may pass (timeout, 429, 5xx). The runtime retries the step with backoff
/// (Durable's retry policy in Azure, the same policy on the virtual clock); <see cref="RetryAfter"/> is the
/// server's hint, when it gave one. Any other exception from a step is final for that step.
/// </summary>
public sealed partial class TransientStepException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(WithMarker(message, retryAfter), inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;

    // The hint also rides in the message ("[retry-after=8s]"): a failure's message survives every pipeline between an
    // activity and the retry handler, its custom properties not necessarily (see the shell's TransientStepExceptionProperties).
    private static string WithMarker(string message, TimeSpan? retryAfter) =>
        retryAfter is { } after && after > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"{message} [retry-after={after.TotalSeconds:0.###}s]")
            : message;

    /// <summary>The hint a message carries as its marker, or null.</summary>
    public static TimeSpan? ParseRetryAfterMarker(string? message)
    {
        if (message is null || Marker().Match(message) is not { Success: true } match)
            return null;
        return double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
    }

    [GeneratedRegex(@"\[retry-after=([0-9]+(?:\.[0-9]+)?)s\]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Marker();
}
