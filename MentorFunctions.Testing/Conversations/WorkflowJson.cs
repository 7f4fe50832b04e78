using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MentorFunctions.Core.Conversations;

namespace MentorFunctions.Testing.Conversations;

/// <summary>Source-generated JSON for everything that crosses the conversation workflow's boundary, as the virtual host serialises it.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConversationState))]
[JsonSerializable(typeof(ConversationMessage))]
[JsonSerializable(typeof(RecordMessageInput))]
[JsonSerializable(typeof(RecordMessageResult))]
[JsonSerializable(typeof(PlanReplyInput))]
[JsonSerializable(typeof(ReplyPlan))]
[JsonSerializable(typeof(DeliverReplyInput))]
[JsonSerializable(typeof(DeliverReplyResult))]
public sealed partial class ConversationJsonContext : JsonSerializerContext;

/// <summary>
/// The serializer the virtual host uses for history: the generated context first; reflection only for types a test
/// workflow brings, so every value round-trips through JSON as it does in Durable.
/// </summary>
public static class WorkflowJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ConversationJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Null where a {typeof(T).Name} was expected.");
}
