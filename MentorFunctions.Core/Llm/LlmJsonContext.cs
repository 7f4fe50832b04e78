using System.Text.Json.Serialization;

namespace MentorFunctions.Core.Llm;

// The OpenAI / Azure OpenAI error body: {"error":{"code":"content_filter","message":...}}. Only the code is read.

internal sealed class LlmErrorBody
{
    [JsonPropertyName("error")] public LlmError? Error { get; set; }
}

internal sealed class LlmError
{
    [JsonPropertyName("code")] public string? Code { get; set; }
}

[JsonSerializable(typeof(LlmErrorBody))]
internal sealed partial class LlmJsonContext : JsonSerializerContext;
