using System.Text.Json.Serialization;

namespace MentorFunctions.Core.Intake;

/// <summary>
/// The body of Zulip's Generic outgoing webhook (the 200 response schema of <c>/zulip-outgoing-webhook</c> in Zulip's
/// OpenAPI). Every member is nullable so that a missing field is reported by name instead of failing the whole parse;
/// <see cref="WebhookIntake"/> checks what it needs. Unknown fields are ignored. <c>data</c> is deliberately not
/// read: it repeats <c>message.content</c>, and skipping it saves a copy of the message text on every call.
/// </summary>
public sealed class OutgoingWebhookPayload
{
    public string? BotEmail { get; init; }

    public string? BotFullName { get; init; }

    /// <summary>The bot's outgoing-webhook token. A secret: never logged or echoed.</summary>
    public string? Token { get; init; }

    [JsonConverter(typeof(WebhookTriggerConverter))]
    public WebhookTrigger? Trigger { get; init; }

    public WebhookMessage? Message { get; init; }
}

/// <summary>What made Zulip call the webhook.</summary>
public enum WebhookTrigger
{
    /// <summary>A value this code does not know (a newer server); ignored, never an error.</summary>
    Unknown = 0,
    /// <summary>A channel message that @-mentions the bot.</summary>
    Mention = 1,
    /// <summary>A DM or group DM that includes the bot (Zulip 8.0+).</summary>
    DirectMessage = 2,
    /// <summary>The name servers before 8.0 use for <see cref="DirectMessage"/>.</summary>
    PrivateMessage = 3,
}

/// <summary>Zulip's message type as the webhook payload spells it.</summary>
public enum ZulipMessageType
{
    Unknown = 0,
    /// <summary>"stream" (a channel message).</summary>
    Stream = 1,
    /// <summary>"private" (a DM or group DM).</summary>
    Private = 2,
}

/// <summary>The message that triggered the webhook, in the format of <c>GET /messages</c>.</summary>
public sealed class WebhookMessage
{
    public long? Id { get; init; }

    public long? SenderId { get; init; }

    public string? SenderEmail { get; init; }

    public string? SenderFullName { get; init; }

    public string? SenderRealmStr { get; init; }

    /// <summary>Raw Markdown.</summary>
    public string? Content { get; init; }

    /// <summary>Unix seconds.</summary>
    public long? Timestamp { get; init; }

    [JsonConverter(typeof(ZulipMessageTypeConverter))]
    public ZulipMessageType? Type { get; init; }

    [JsonConverter(typeof(DisplayRecipientConverter))]
    public DisplayRecipient? DisplayRecipient { get; init; }

    /// <summary>The topic; "" for DMs.</summary>
    public string? Subject { get; init; }

    /// <summary>Channel messages only.</summary>
    public long? StreamId { get; init; }
}

/// <summary>
/// <c>display_recipient</c>: the channel name for a channel message, or one entry per participant (sender and bot
/// included) for a DM or group DM. Exactly one of the two is set.
/// </summary>
public sealed class DisplayRecipient
{
    public string? ChannelName { get; init; }

    public IReadOnlyList<RecipientUser>? Users { get; init; }
}

/// <summary>One participant of a DM. Members are nullable so a missing one is reported by name.</summary>
public sealed class RecipientUser
{
    public long? Id { get; init; }

    public string? Email { get; init; }

    public string? FullName { get; init; }

    public bool IsMirrorDummy { get; init; }
}
