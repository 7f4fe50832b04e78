using System.Text.Json.Serialization;

namespace MentorFunctions.Core.Zulip;

// Wire shapes of Zulip's answers. Only the fields the bot reads; Zulip adds fields freely and they are ignored.

internal sealed class ZulipResponse
{
    [JsonPropertyName("result")] public string? Result { get; set; }
    [JsonPropertyName("msg")] public string? Msg { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("retry-after")] public double? RetryAfter { get; set; }
}

internal sealed class ZulipSendResponse
{
    [JsonPropertyName("id")] public long Id { get; set; }
}

internal sealed class ZulipMessagesResponse
{
    [JsonPropertyName("messages")] public List<ZulipWireMessage> Messages { get; set; } = [];
}

internal sealed class ZulipWireMessage
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("sender_id")] public long SenderId { get; set; }
    [JsonPropertyName("content")] public string Content { get; set; } = "";
    [JsonPropertyName("timestamp")] public long Timestamp { get; set; }
}

internal sealed class ZulipOwnUserResponse
{
    [JsonPropertyName("user_id")] public long UserId { get; set; }
    [JsonPropertyName("email")] public string Email { get; set; } = "";
    [JsonPropertyName("full_name")] public string FullName { get; set; } = "";
}

internal sealed class ZulipUserResponse
{
    [JsonPropertyName("user")] public ZulipUserFields User { get; set; } = new();
}

internal sealed class ZulipUserFields
{
    [JsonPropertyName("user_id")] public long UserId { get; set; }
    [JsonPropertyName("email")] public string Email { get; set; } = "";
    [JsonPropertyName("full_name")] public string FullName { get; set; } = "";
    [JsonPropertyName("is_bot")] public bool IsBot { get; set; }
}

internal sealed class ZulipNarrowTerm
{
    [JsonPropertyName("operator")] public string Operator { get; set; } = "";
    [JsonPropertyName("operand")] public long[] Operand { get; set; } = [];
}

[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ZulipResponse))]
[JsonSerializable(typeof(ZulipSendResponse))]
[JsonSerializable(typeof(ZulipMessagesResponse))]
[JsonSerializable(typeof(ZulipOwnUserResponse))]
[JsonSerializable(typeof(ZulipUserResponse))]
[JsonSerializable(typeof(ZulipNarrowTerm[]))]
[JsonSerializable(typeof(long[]))]
internal sealed partial class ZulipJsonContext : JsonSerializerContext;
