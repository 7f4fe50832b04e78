using System.Text.Json.Serialization;

namespace MentorLab.Replies;

/// <summary>Why a held-out reply has no AI reply to score.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReplyFailureKind>))]
public enum ReplyFailureKind
{
    /// <summary>429 after every retry.</summary>
    RateLimited,
    /// <summary>5xx or 408 after every retry.</summary>
    ServerError,
    /// <summary>No answer within the time limit, after every retry.</summary>
    Timeout,
    /// <summary>The endpoint could not be reached.</summary>
    Connection,
    /// <summary>A final 4xx (a wrong deployment, key or parameter): retrying fails the same way.</summary>
    Refused,
    /// <summary>The provider's content filter refused the prompt or the answer.</summary>
    ContentFiltered,
    /// <summary>The model answered with nothing.</summary>
    EmptyAnswer,
    /// <summary>Anything else (its type is in the detail).</summary>
    Other,
}

public sealed record FailureCount(ReplyFailureKind Kind, string Detail, int Count);

public sealed record GuardCount(string Reason, int Count);

/// <summary>Share of single replies each method attributes to this mentor, and the rank of all replies taken together.</summary>
public sealed record AttributionFigures(
    double AiProfileTop1,
    double RealProfileTop1,
    double AiDeltaTop1,
    double RealDeltaTop1,
    double ChanceTop1,
    int AiPooledProfileRank,
    int RealPooledProfileRank,
    int AiPooledDeltaRank,
    int RealPooledDeltaRank);

/// <summary>One measure's distribution, AI replies against the mentor's real held-out replies (two-sample KS).</summary>
public sealed record DistributionFigures(string Measure, double AiMedian, double RealMedian, double D, double P);

/// <summary>
/// One of the mentor's signature items (phrase, opener, sign-off, emoji) as the training profile holds it, with its
/// rate (uses per message) in training, in the real held-out replies and in the AI replies. <see cref="Text"/> only
/// with --include-text.
/// </summary>
public sealed record SignatureUse(string Kind, int Rank, string? Text, double TrainingRate, double HeldOutRate, double AiRate, double Ratio);

public sealed record EmojiFigures(double TrainingPerMessage, double HeldOutPerMessage, double AiPerMessage, double Ratio);

public sealed record CostFigures(
    int Calls,
    int Replies,
    long PromptTokens,
    long CompletionTokens,
    double MeanPromptTokens,
    double MeanCompletionTokens,
    int TokensFromUsage,
    int TokensEstimated,
    double MedianLatencyMs,
    double P95LatencyMs);

/// <summary>
/// One held-out reply: ids always; <see cref="Student"/>, <see cref="Real"/> and <see cref="Ai"/> (the student's
/// messages since the mentor last wrote, the mentor's real reply, the AI reply without its disclosure) only with
/// --include-text.
/// </summary>
public sealed record ReplyPair(
    long StudentMessageId,
    long RealReplyId,
    long StudentId,
    int HistoryMessages,
    ReplyFailureKind? Failure,
    string? GuardReason,
    int PromptTokens,
    int CompletionTokens,
    double LatencyMs,
    string? Student,
    string? Real,
    string? Ai);

public sealed record MentorReplies(
    long Id,
    string Name,
    int TrainMessages,
    int HeldOutReplies,
    int Attempted,
    int Generated,
    IReadOnlyList<FailureCount> Failures,
    IReadOnlyList<GuardCount> GuardFlags,
    AttributionFigures Attribution,
    IReadOnlyList<DistributionFigures> Distributions,
    IReadOnlyList<SignatureUse> Signatures,
    double SignatureRateRatio,
    EmojiFigures Emoji,
    CostFigures Cost,
    IReadOnlyList<ReplyPair> Pairs);

public sealed record ModelDescription(string Provider, string Deployment, string Model, string RequestShape, string Tokenizer,
    int PromptTokenBudget, int MaxOutputTokens, double Temperature);

public sealed record RepliesSummary(int Mentors, int Attempted, int Generated, int Failed, long PromptTokens, long CompletionTokens,
    double MedianLatencyMs, double P95LatencyMs);

public sealed record RepliesResult(
    int Messages,
    int Senders,
    int Candidates,
    int MinMessages,
    double TrainShare,
    int MaxReplies,
    bool IncludesText,
    ModelDescription Model,
    IReadOnlyList<MentorReplies> Mentors,
    RepliesSummary Summary);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RepliesResult))]
internal sealed partial class RepliesJsonContext : JsonSerializerContext;
