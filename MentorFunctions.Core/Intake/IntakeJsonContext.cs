using System.Text.Json.Serialization;

namespace MentorFunctions.Core.Intake;

/// <summary>Source-generated (reflection-free) JSON for the webhook payload and the intake's answers.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutgoingWebhookPayload))]
[JsonSerializable(typeof(WebhookErrorBody))]
[JsonSerializable(typeof(WebhookContentBody))]
internal sealed partial class IntakeJsonContext : JsonSerializerContext;

/// <summary>Zulip's error shape: <c>{"result":"error","code":"...","msg":"..."}</c>.</summary>
internal sealed record WebhookErrorBody(string Result, string Code, string Msg);

/// <summary>A reply Zulip posts as the bot into the same conversation.</summary>
internal sealed record WebhookContentBody(string Content);
