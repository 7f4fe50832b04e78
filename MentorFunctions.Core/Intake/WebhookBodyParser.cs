using System.Text.Json;
using System.Text.Unicode;

namespace MentorFunctions.Core.Intake;

/// <summary>Checks the transport (size, content type) and parses the body, turning every failure into an <see cref="IntakeError"/>.</summary>
internal static class WebhookBodyParser
{
    /// <summary>
    /// Whether the Content-Type is acceptable. application/json, any case, with an optional UTF-8 charset. A missing
    /// header is accepted: Zulip always sends one, some proxies and tools drop it, and the body must still parse as a
    /// JSON object and carry the bot's token, so nothing is gained by refusing it.
    /// </summary>
    public static bool IsAcceptableContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            return true;
        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        var mediaType = (semicolon < 0 ? span : span[..semicolon]).Trim();
        if (!mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            return false;
        if (semicolon < 0)
            return true;

        var parameters = span[(semicolon + 1)..];
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            var equals = parameter.IndexOf('=');
            if (equals < 0)
                continue;
            if (!parameter[..equals].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
                continue;
            var value = parameter[(equals + 1)..].Trim().Trim('"');
            // JSON on the wire is UTF-8 (RFC 8259); a body declared in another charset would be misread.
            if (!value.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !value.Equals("utf8", StringComparison.OrdinalIgnoreCase))
                return false;
        }
        return true;
    }

    /// <summary>Parses the payload straight from UTF-8; returns null and an error when the body is not a usable JSON object.</summary>
    public static OutgoingWebhookPayload? Parse(ReadOnlySpan<byte> body, out IntakeError? error)
    {
        error = null;
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            error = new IntakeError(IntakeErrorCode.BadJson, "The body is empty.");
            return null;
        }
        // Checked up front: the serializer validates UTF-8 only in the strings it reads, not in the fields it skips.
        if (!Utf8.IsValid(body))
        {
            error = new IntakeError(IntakeErrorCode.BadJson, "The body is not valid UTF-8.");
            return null;
        }

        OutgoingWebhookPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(body, IntakeJsonContext.Default.OutgoingWebhookPayload);
        }
        catch (JsonException e)
        {
            error = Explain(body, e);
            return null;
        }
        catch (InvalidOperationException)
        {
            error = new IntakeError(IntakeErrorCode.BadJson, "The body is not well-formed JSON.");
            return null;
        }

        if (payload is null)
            error = new IntakeError(IntakeErrorCode.BadJson, "The body must be a JSON object.");
        return payload;
    }

    // The serializer reports syntax errors and type mismatches alike as JsonException. Only on this (rare) failure path
    // a second, syntax-only read tells them apart, so the happy path parses once.
    private static IntakeError Explain(ReadOnlySpan<byte> body, JsonException failure)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return new IntakeError(IntakeErrorCode.BadJson, "The body must be a JSON object.");
            while (reader.Read())
            {
            }
        }
        catch (JsonException)
        {
            return new IntakeError(IntakeErrorCode.BadJson, "The body is not well-formed JSON (or is nested too deeply).");
        }

        var field = FieldName(failure.Path);
        return new IntakeError(IntakeErrorCode.BadField, $"Field '{field}' has the wrong type.", field);
    }

    /// <summary>"$.message.display_recipient[1].id" → "message.display_recipient[1].id".</summary>
    private static string FieldName(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
            return "(body)";
        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }
}
