using System.Diagnostics;
using System.Diagnostics.Metrics;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Intake;

namespace MentorFunctions.Core.Telemetry;

/// <summary>
/// The product's own metrics, on one Meter (<see cref="MeterName"/>), created once from the host's IMeterFactory.
/// Tags carry ids, outcomes and short machine words only: never message text, names, emails or secrets.
/// The model's tokens and latency follow the OpenTelemetry GenAI semantic conventions (gen_ai.client.*).
/// </summary>
public sealed class MentorMetrics
{
    public const string MeterName = "MentorFunctions";

    // Instrument names (also used by the alerts in infra/modules/alerts.bicep and the README's Telemetry section).
    public const string WebhookRequests = "mentor.webhook.requests";
    public const string Replies = "mentor.replies";
    public const string ReplyDelay = "mentor.reply.planned_delay";
    public const string StandDowns = "mentor.stand_downs";
    public const string ZulipRateLimited = "mentor.zulip.rate_limited";
    public const string ZulipRetryAfter = "mentor.zulip.retry_after";
    public const string ProfileWriteConflicts = "mentor.profile.write_conflicts";
    public const string StepTransientFailures = "mentor.step.transient_failures";
    public const string StepFailures = "mentor.step.failures";
    public const string GenAiTokenUsage = "gen_ai.client.token.usage";
    public const string GenAiOperationDuration = "gen_ai.client.operation.duration";

    private readonly Counter<long> _webhookRequests;
    private readonly Counter<long> _replies;
    private readonly Histogram<double> _replyDelay;
    private readonly Counter<long> _standDowns;
    private readonly Counter<long> _zulipRateLimited;
    private readonly Histogram<double> _zulipRetryAfter;
    private readonly Counter<long> _profileConflicts;
    private readonly Counter<long> _stepTransientFailures;
    private readonly Counter<long> _stepFailures;
    private readonly Histogram<long> _tokenUsage;
    private readonly Histogram<double> _operationDuration;

    public MentorMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _webhookRequests = meter.CreateCounter<long>(WebhookRequests, "{request}",
            "Zulip outgoing-webhook calls by what the intake made of them (kind, reason, HTTP status).");
        _replies = meter.CreateCounter<long>(Replies, "{reply}",
            "AI reply outcomes: posted, drafted, stood_down, limited, refused, failed, paused, escalated; with a machine reason.");
        _replyDelay = meter.CreateHistogram(ReplyDelay, "s", "The humanlike delay planned before an AI reply.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400] });
        _standDowns = meter.CreateCounter<long>(StandDowns, "{reply}",
            "Pending AI replies stood down because the mentor answered (while waiting, or just before posting).");
        _zulipRateLimited = meter.CreateCounter<long>(ZulipRateLimited, "{response}", "Zulip API calls answered 429, by operation.");
        _zulipRetryAfter = meter.CreateHistogram(ZulipRetryAfter, "s", "The wait Zulip asked for on a 429 (Retry-After).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 30, 60, 120, 300] });
        _profileConflicts = meter.CreateCounter<long>(ProfileWriteConflicts, "{conflict}",
            "Style-profile writes that met a concurrent change (ETag) and were re-applied.");
        _stepTransientFailures = meter.CreateCounter<long>(StepTransientFailures, "{attempt}",
            "Workflow step attempts that failed transiently (429, 5xx, timeout, conflict); the step policy retries them up to its attempt limit.");
        _stepFailures = meter.CreateCounter<long>(StepFailures, "{step}",
            "Workflow steps that failed for good (a final error, or transient failures past the step policy's last attempt).");
        _tokenUsage = meter.CreateHistogram<long>(GenAiTokenUsage, "{token}", "Tokens used by the chat model, input and output.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576] });
        _operationDuration = meter.CreateHistogram(GenAiOperationDuration, "s", "Duration of chat model calls.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92] });
    }

    /// <summary>One webhook call, as the shell answered it.</summary>
    public void Webhook(WebhookOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var kind = outcome.StatusCode == 503 ? "unavailable" : KindName(outcome.Kind);
        var reason = outcome.Error?.CodeText.ToLowerInvariant() ?? (outcome.IgnoreReason is { } ignored ? Snake(ignored.ToString()) : "");
        _webhookRequests.Add(1, new TagList
        {
            { "mentor.webhook.kind", kind },
            { "mentor.webhook.reason", reason },
            { "http.response.status_code", outcome.StatusCode },
        });
    }

    /// <summary>One AI reply outcome (every outcome is audited, and the audit log reports it here).</summary>
    public void Reply(DeliveryOutcome outcome, string? reason)
    {
        var name = OutcomeName(outcome);
        _replies.Add(1, new TagList { { "mentor.reply.outcome", name }, { "mentor.reply.reason", reason ?? "" } });
        if (outcome == DeliveryOutcome.MentorAnswered)
            StandDown("before_posting");
    }

    public void PlannedDelay(double seconds) => _replyDelay.Record(Math.Max(0, seconds));

    /// <summary>A pending reply stood down; <paramref name="stage"/> is "waiting" (during the delay) or "before_posting".</summary>
    public void StandDown(string stage) => _standDowns.Add(1, new KeyValuePair<string, object?>("mentor.stand_down.stage", stage));

    public void ZulipRateLimit(string operation, TimeSpan? retryAfter)
    {
        var tag = new KeyValuePair<string, object?>("mentor.zulip.operation", operation);
        _zulipRateLimited.Add(1, tag);
        if (retryAfter is { } wait)
            _zulipRetryAfter.Record(wait.TotalSeconds, tag);
    }

    public void ProfileWriteConflict() => _profileConflicts.Add(1);

    public void StepTransientFailure(string step) =>
        _stepTransientFailures.Add(1, new KeyValuePair<string, object?>("mentor.step.name", step));

    /// <summary>
    /// A step failed for good, seen by the orchestrator (count it only outside replay). A failed DeliverReply is also
    /// the reply's outcome: nothing audited it, since the step never returned.
    /// </summary>
    public void StepFailed(string step, string? errorType)
    {
        _stepFailures.Add(1, new TagList { { "mentor.step.name", step }, { "error.type", ShortTypeName(errorType) } });
        if (step == StepNames.DeliverReply)
            Reply(DeliveryOutcome.Failed, "step-failed");
    }

    private static string ShortTypeName(string? fullName) =>
        string.IsNullOrEmpty(fullName) ? "unknown" : fullName[(fullName.LastIndexOf('.') + 1)..];

    /// <summary>One chat model call (GenAI semantic conventions). <paramref name="errorType"/> is null on success.</summary>
    public void ModelCall(GenAiCall call, TimeSpan duration, int? inputTokens, int? outputTokens, string? errorType)
    {
        ArgumentNullException.ThrowIfNull(call);
        var tags = call.Tags();
        if (errorType is not null)
            tags.Add("error.type", errorType);
        _operationDuration.Record(duration.TotalSeconds, tags);
        if (errorType is not null)
            return;
        if (inputTokens is { } input)
        {
            var inputTags = call.Tags();
            inputTags.Add("gen_ai.token.type", "input");
            _tokenUsage.Record(input, inputTags);
        }
        if (outputTokens is { } output)
        {
            var outputTags = call.Tags();
            outputTags.Add("gen_ai.token.type", "output");
            _tokenUsage.Record(output, outputTags);
        }
    }

    public static string OutcomeName(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Posted => "posted",
        DeliveryOutcome.Drafted => "drafted",
        DeliveryOutcome.MentorAnswered => "stood_down",
        DeliveryOutcome.Limited => "limited",
        DeliveryOutcome.Refused => "refused",
        DeliveryOutcome.Failed => "failed",
        DeliveryOutcome.Paused => "paused",
        DeliveryOutcome.Escalated => "escalated",
        DeliveryOutcome.Withheld => "withheld",
        _ => "unknown",
    };

    private static string KindName(IntakeKind kind) => kind switch
    {
        IntakeKind.Conversation => "conversation",
        IntakeKind.Command => "command",
        IntakeKind.Ignored => "ignored",
        IntakeKind.Rejected => "rejected",
        _ => "unknown",
    };

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}

/// <summary>
/// The GenAI attributes of one chat model call: gen_ai.operation.name "chat", the requested model, and the provider
/// (gen_ai.provider.name, and the older gen_ai.system that Application Insights and earlier dashboards read).
/// </summary>
public sealed record GenAiCall(string RequestModel, string ProviderName, string SystemName)
{
    public TagList Tags() => new()
    {
        { "gen_ai.operation.name", "chat" },
        { "gen_ai.request.model", RequestModel },
        { "gen_ai.provider.name", ProviderName },
        { "gen_ai.system", SystemName },
    };
}
