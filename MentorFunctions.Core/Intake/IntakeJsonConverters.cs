using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorFunctions.Core.Intake;

// The converters throw a bare JsonException on a wrong token type: the serializer then fills in the JSON path of the
// property, which the intake turns into a BAD_FIELD error naming the field.

/// <summary>Maps <c>trigger</c> without allocating a string; an unknown value becomes <see cref="WebhookTrigger.Unknown"/>.</summary>
internal sealed class WebhookTriggerConverter : JsonConverter<WebhookTrigger?>
{
    public override bool HandleNull => false;

    public override WebhookTrigger? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException();
        if (reader.ValueTextEquals("direct_message"u8)) return WebhookTrigger.DirectMessage;
        if (reader.ValueTextEquals("mention"u8)) return WebhookTrigger.Mention;
        if (reader.ValueTextEquals("private_message"u8)) return WebhookTrigger.PrivateMessage;
        return WebhookTrigger.Unknown;
    }

    public override void Write(Utf8JsonWriter writer, WebhookTrigger? value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value switch
        {
            WebhookTrigger.Mention => "mention",
            WebhookTrigger.DirectMessage => "direct_message",
            WebhookTrigger.PrivateMessage => "private_message",
            _ => "unknown",
        });
}

/// <summary>Maps <c>type</c>: "stream" / "private" (and, defensively, the newer names "channel" / "direct").</summary>
internal sealed class ZulipMessageTypeConverter : JsonConverter<ZulipMessageType?>
{
    public override bool HandleNull => false;

    public override ZulipMessageType? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException();
        if (reader.ValueTextEquals("private"u8) || reader.ValueTextEquals("direct"u8)) return ZulipMessageType.Private;
        if (reader.ValueTextEquals("stream"u8) || reader.ValueTextEquals("channel"u8)) return ZulipMessageType.Stream;
        return ZulipMessageType.Unknown;
    }

    public override void Write(Utf8JsonWriter writer, ZulipMessageType? value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value switch
        {
            ZulipMessageType.Stream => "stream",
            ZulipMessageType.Private => "private",
            _ => "unknown",
        });
}

/// <summary>Reads <c>display_recipient</c>, which is a string for a channel and a list of users for a DM.</summary>
internal sealed class DisplayRecipientConverter : JsonConverter<DisplayRecipient?>
{
    public override bool HandleNull => false;

    public override DisplayRecipient? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return new DisplayRecipient { ChannelName = reader.GetString() };
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException();

        var users = new List<RecipientUser>(4);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            users.Add(ReadUser(ref reader));
        return new DisplayRecipient { Users = users };
    }

    private static RecipientUser ReadUser(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException();
        long? id = null;
        string? email = null, fullName = null;
        var mirrorDummy = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = reader.TokenType switch
                {
                    JsonTokenType.Null => null,
                    JsonTokenType.Number when reader.TryGetInt64(out var v) => v,
                    _ => throw new JsonException(),
                };
            }
            else if (reader.ValueTextEquals("email"u8))
            {
                reader.Read();
                email = ReadNullableString(ref reader);
            }
            else if (reader.ValueTextEquals("full_name"u8))
            {
                reader.Read();
                fullName = ReadNullableString(ref reader);
            }
            else if (reader.ValueTextEquals("is_mirror_dummy"u8))
            {
                reader.Read();
                mirrorDummy = reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False or JsonTokenType.Null => false,
                    _ => throw new JsonException(),
                };
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return new RecipientUser { Id = id, Email = email, FullName = fullName, IsMirrorDummy = mirrorDummy };
    }

    private static string? ReadNullableString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException(),
    };

    public override void Write(Utf8JsonWriter writer, DisplayRecipient? value, JsonSerializerOptions options)
    {
        if (value?.Users is null)
        {
            writer.WriteStringValue(value?.ChannelName);
            return;
        }
        writer.WriteStartArray();
        foreach (var user in value.Users)
        {
            writer.WriteStartObject();
            if (user.Id is { } id) writer.WriteNumber("id"u8, id);
            writer.WriteString("email"u8, user.Email);
            writer.WriteString("full_name"u8, user.FullName);
            writer.WriteBoolean("is_mirror_dummy"u8, user.IsMirrorDummy);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
