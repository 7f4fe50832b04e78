using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;

namespace MentorFunctions.Tests.Fixtures.Loopback;

/// <summary>One chat-completions request the loopback received.</summary>
public sealed record ChatRequest(string Path, string? ApiVersion, string? ApiKey, string? Authorization, JsonObject Body)
{
    public IReadOnlyList<(string Role, string Content)> Messages =>
        Body["messages"]!.AsArray().Select(m => ((string)m!["role"]!, ContentOf(m!["content"]))).ToArray();

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue v => (string)v!,
        JsonArray parts => string.Concat(parts.Select(p => (string?)p!["text"] ?? "")),
        _ => "",
    };
}

/// <summary>A scripted answer: status, body, headers and an optional delay before answering.</summary>
public sealed record ChatReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);

/// <summary>
/// Azure OpenAI's chat-completions endpoint on 127.0.0.1: POST /openai/deployments/{deployment}/chat/completions?api-version=...
/// (and the OpenAI-compatible /v1/chat/completions), answering scripted replies in order, then a default success.
/// </summary>
public sealed class LoopbackOpenAIServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentQueue<ChatReply> _replies = new();
    private readonly ConcurrentQueue<ChatRequest> _requests = new();

    public LoopbackOpenAIServer() => _server = new LoopbackHttpServer(HandleAsync);

    public Uri Endpoint => _server.BaseUri;
    public IReadOnlyList<ChatRequest> Requests => _requests.ToArray();
    public string DefaultText { get; set; } = "Sure — have a look at the second chapter first, then we can talk it through.";

    public void Enqueue(ChatReply reply) => _replies.Enqueue(reply);

    /// <summary>
    /// Serve as a reasoning model (o-series, GPT-5 family) does on Azure: a request with max_tokens, or with a
    /// temperature other than the default 1, is refused with 400 and the error Azure answers.
    /// </summary>
    public bool ReasoningModel { get; set; }

    /// <summary>Asked for every request when no scripted reply is queued: a reply to answer with (e.g. an error), or null for the default success.</summary>
    public Func<ChatReply?>? FaultInjector { get; set; }

    /// <summary>Asked with the request itself when nothing is queued (e.g. a model that echoes its prompt back).</summary>
    public Func<ChatRequest, ChatReply?>? Responder { get; set; }

    public static ChatReply Completion(string text, string finishReason = "stop", int promptTokens = 120, int completionTokens = 30) =>
        new(200, CompletionBody(text, finishReason, promptTokens, completionTokens).ToJsonString());

    /// <summary>A completion without the "usage" object, as some OpenAI-compatible servers answer.</summary>
    public static ChatReply CompletionWithoutUsage(string text, string finishReason = "stop")
    {
        var body = CompletionBody(text, finishReason, 0, 0);
        body.Remove("usage");
        return new(200, body.ToJsonString());
    }

    private static JsonObject CompletionBody(string text, string finishReason, int promptTokens, int completionTokens) =>
        new()
        {
            ["id"] = "chatcmpl-loopback",
            ["object"] = "chat.completion",
            ["created"] = 1700000000,
            ["model"] = "gpt-4o-mini",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
                ["finish_reason"] = finishReason,
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens,
            },
        };

    public static ChatReply Error(int status, string code, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["param"] = "prompt", ["type"] = null, ["status"] = status },
        }.ToJsonString(), headers);

    public static ChatReply ContentFilterRefusal() => new(400, """
        {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management policy.","type":null,"param":"prompt","code":"content_filter","status":400,
         "innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"hate":{"filtered":true,"severity":"high"}}}}}
        """);

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        var isAzure = path.StartsWith("/openai/deployments/", StringComparison.Ordinal) && path.EndsWith("/chat/completions", StringComparison.Ordinal);
        var isOpenAI = path.EndsWith("/chat/completions", StringComparison.Ordinal) && !isAzure;
        var apiVersion = HttpUtility.ParseQueryString(request.Url.Query)["api-version"];
        if (request.HttpMethod != "POST" || !(isAzure || isOpenAI) || (isAzure && string.IsNullOrEmpty(apiVersion)))
        {
            await LoopbackHttpServer.WriteAsync(context.Response, 404, """{"error":{"code":"404","message":"Resource not found"}}""");
            return;
        }
        using var reader = new StreamReader(request.InputStream);
        var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
        _requests.Enqueue(new ChatRequest(path, apiVersion, request.Headers["api-key"], request.Headers["Authorization"], body));

        if (ReasoningModel && WrongShapeForReasoning(body) is { } refusal)
        {
            await LoopbackHttpServer.WriteAsync(context.Response, 400, refusal.Body);
            return;
        }
        var reply = _replies.TryDequeue(out var scripted) ? scripted
            : FaultInjector?.Invoke() ?? Responder?.Invoke(_requests.Last()) ?? Completion(DefaultText);
        if (reply.Delay > TimeSpan.Zero)
            await Task.Delay(reply.Delay);
        await LoopbackHttpServer.WriteAsync(context.Response, reply.Status, reply.Body, headers: reply.Headers);
    }

    // The error bodies Azure OpenAI answers a reasoning deployment's chat-shaped request with.
    private static ChatReply? WrongShapeForReasoning(JsonObject body)
    {
        if (body.ContainsKey("max_tokens"))
            return InvalidRequest("unsupported_parameter", "max_tokens",
                "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.");
        if (body["temperature"] is JsonValue t && t.GetValue<double>() != 1.0)
            return InvalidRequest("unsupported_value", "temperature",
                $"Unsupported value: 'temperature' does not support {t.ToJsonString()} with this model. Only the default (1) value is supported.");
        return null;
    }

    private static ChatReply InvalidRequest(string code, string param, string message) =>
        new(400, new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = param, ["code"] = code },
        }.ToJsonString());

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
