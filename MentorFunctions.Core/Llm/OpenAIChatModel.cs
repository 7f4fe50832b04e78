using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.AI.OpenAI;
using Azure.AI.OpenAI.Chat;
using Azure.Identity;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace MentorFunctions.Core.Llm;

/// <summary>
/// <see cref="IChatModel"/> over OpenAI's .NET SDK: Azure OpenAI through AzureOpenAIClient, any OpenAI-compatible
/// endpoint through OpenAIClient with a custom Endpoint. The SDK's retries are off (max retries 0): exactly one model
/// call per attempt, and the durable step policy decides when to try again.
/// </summary>
public sealed class OpenAIChatModel : IChatModel
{
    /// <summary>The name of the HttpClient the SDK's pipeline sends through.</summary>
    public const string HttpClientName = "Llm";

    private readonly ChatClient _chat;
    private readonly LlmOptions _options;
    private readonly LlmRequestShape _shape;
    private readonly ILogger<OpenAIChatModel> _logger;
    private readonly MentorMetrics? _metrics;
    private readonly GenAiCall _call;

    public OpenAIChatModel(IOptions<LlmOptions> options, IHttpClientFactory httpClientFactory, ILogger<OpenAIChatModel> logger, MentorMetrics? metrics = null)
    {
        _metrics = metrics;
        _options = options.Value;
        _shape = LlmRequestShapes.Resolve(_options);
        _logger = logger;
        _chat = CreateChatClient(_options, httpClientFactory.CreateClient(HttpClientName));
        _call = _options.Provider == LlmProvider.AzureOpenAI
            ? new GenAiCall(_options.ModelName, "azure.ai.openai", "az.ai.openai")
            : new GenAiCall(_options.ModelName, "openai", "openai");
    }

    internal static ChatClient CreateChatClient(LlmOptions options, HttpClient http)
    {
        if (options.Endpoint is null || string.IsNullOrWhiteSpace(options.Deployment))
            throw new OptionsValidationException(LlmOptions.Section, typeof(LlmOptions), ["Llm:Endpoint and Llm:Deployment are required."]);
        var transport = new HttpClientPipelineTransport(http);
        var retry = new ClientRetryPolicy(maxRetries: 0);
        switch (options.Provider)
        {
            case LlmProvider.AzureOpenAI:
            {
                var azureOptions = new AzureOpenAIClientOptions { Transport = transport, RetryPolicy = retry, NetworkTimeout = options.Timeout };
                var client = string.IsNullOrEmpty(options.ApiKey)
                    ? new AzureOpenAIClient(options.Endpoint, new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId }), azureOptions)
                    : new AzureOpenAIClient(options.Endpoint, new ApiKeyCredential(options.ApiKey), azureOptions);
                return client.GetChatClient(options.Deployment);
            }
            case LlmProvider.OpenAICompatible:
            {
                var openAiOptions = new OpenAIClientOptions { Endpoint = options.Endpoint, Transport = transport, RetryPolicy = retry, NetworkTimeout = options.Timeout };
                // Local endpoints such as Ollama ignore the key, but the SDK requires one.
                var key = string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey;
                return new OpenAIClient(new ApiKeyCredential(key), openAiOptions).GetChatClient(options.Deployment);
            }
            default:
                throw new OptionsValidationException(LlmOptions.Section, typeof(LlmOptions), [$"Unknown Llm:Provider {options.Provider}."]);
        }
    }

    public async Task<Llm.ChatCompletion> CompleteAsync(IReadOnlyList<ChatTurn> messages, int maxOutputTokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
            throw new ArgumentException("A prompt holds at least one message.", nameof(messages));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOutputTokens, 1);

        var request = messages.Select(ToSdk).ToList();
        var completionOptions = RequestOptions(maxOutputTokens);

        OpenAI.Chat.ChatCompletion answer;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            answer = (await _chat.CompleteChatAsync(request, completionOptions, timeout.Token).ConfigureAwait(false)).Value;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            _metrics?.ModelCall(_call, Stopwatch.GetElapsedTime(started), null, null, "timeout");
            throw new TransientStepException("The chat model timed out", null, e);
        }
        catch (ClientResultException e)
        {
            // The prompt refused by Azure's content filter is an answer (with no tokens), not an error.
            var refused = e.Status == 400 && ErrorCode(e.GetRawResponse()) == "content_filter";
            _metrics?.ModelCall(_call, Stopwatch.GetElapsedTime(started), refused ? 0 : null, refused ? 0 : null,
                refused ? null : e.Status == 0 ? "connection" : e.Status.ToString(CultureInfo.InvariantCulture));
            return MapFailure(e);
        }
        _metrics?.ModelCall(_call, Stopwatch.GetElapsedTime(started), answer.Usage?.InputTokenCount, answer.Usage?.OutputTokenCount, null);

        var text = string.Concat(answer.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text)).Trim();
        var filtered = answer.FinishReason == ChatFinishReason.ContentFilter;
        var result = new Llm.ChatCompletion(
            filtered ? "" : text,
            FinishReasonName(answer.FinishReason),
            answer.Usage?.InputTokenCount ?? 0,
            answer.Usage?.OutputTokenCount ?? 0,
            filtered);
        _logger.LogInformation("Chat completion finished {FinishReason}: {PromptTokens} prompt + {CompletionTokens} completion tokens",
            result.FinishReason, result.PromptTokens, result.CompletionTokens);
        return result;
    }

    /// <summary>
    /// A chat model gets the temperature and the answer's limit. A reasoning model gets no temperature, and
    /// max_completion_tokens (the answer plus the reasoning allowance): Azure refuses max_tokens and a temperature for
    /// these models, and Azure's SDK sends max_tokens unless told otherwise.
    /// </summary>
    internal ChatCompletionOptions RequestOptions(int maxOutputTokens)
    {
        if (_shape != LlmRequestShape.Reasoning)
            return new ChatCompletionOptions { MaxOutputTokenCount = maxOutputTokens, Temperature = _options.Temperature };
        // Read from JSON rather than constructed: Azure's switch below needs the options' additional-properties store,
        // which only a deserialized instance has in Azure.AI.OpenAI 2.1.
        var reasoning = ModelReaderWriter.Read<ChatCompletionOptions>(BinaryData.FromString("{}"))!;
        reasoning.MaxOutputTokenCount = maxOutputTokens + _options.ReasoningTokenAllowance;
        if (_options.Provider == LlmProvider.AzureOpenAI)
        {
#pragma warning disable AOAI001 // The switch to max_completion_tokens is marked experimental in Azure.AI.OpenAI 2.1.
            reasoning.SetNewMaxCompletionTokensPropertyEnabled(true);
#pragma warning restore AOAI001
        }
        return reasoning;
    }

    private Llm.ChatCompletion MapFailure(ClientResultException e)
    {
        var response = e.GetRawResponse();
        var status = e.Status;
        if (status == 429)
            throw new TransientStepException("The chat model is rate-limited", RetryAfter(response), e);
        if (status == 0 || status == 408 || status >= 500)
            throw new TransientStepException($"The chat model failed with {status}", RetryAfter(response), e);
        if (status == 400 && ErrorCode(response) == "content_filter")
        {
            // Azure's filter refused the prompt: a final outcome, as a filtered answer would be.
            _logger.LogInformation("Chat completion refused by the content filter (prompt)");
            return new Llm.ChatCompletion("", "content_filter", 0, 0, ContentFiltered: true);
        }
        throw new ChatModelException(status, ErrorCode(response), e);
    }

    private static string? ErrorCode(PipelineResponse? response)
    {
        if (response?.Content is not { } content)
            return null;
        try
        {
            return JsonSerializer.Deserialize(content.ToString(), LlmJsonContext.Default.LlmErrorBody)?.Error?.Code;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null)
            return null;
        // Azure also sends retry-after-ms; prefer it when present, it is the finer of the two.
        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            return TimeSpan.FromMilliseconds(millis);
        if (response.Headers.TryGetValue("Retry-After", out var value))
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                return TimeSpan.FromSeconds(seconds);
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                return date > DateTimeOffset.UtcNow ? date - DateTimeOffset.UtcNow : TimeSpan.Zero;
        }
        return null;
    }

    private static OpenAI.Chat.ChatMessage ToSdk(ChatTurn turn) => turn.Role switch
    {
        ChatRole.System => new SystemChatMessage(turn.Text),
        ChatRole.User => new UserChatMessage(turn.Text),
        ChatRole.Assistant => new AssistantChatMessage(turn.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(turn), turn.Role, "Unknown chat role"),
    };

    private static string FinishReasonName(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        _ => reason.ToString(),
    };
}

/// <summary>The chat endpoint refused a request for good (a 4xx other than 408/429 and other than the content filter).</summary>
public sealed class ChatModelException(int status, string? code, Exception inner)
    : Exception($"The chat model refused the request ({status} {code ?? "no code"})", inner)
{
    public int Status { get; } = status;
    public string? Code { get; } = code;
}
