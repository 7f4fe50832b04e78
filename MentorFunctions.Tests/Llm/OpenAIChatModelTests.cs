using System.Diagnostics.Metrics;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Llm;
using MentorFunctions.Core.Telemetry;
using MentorFunctions.Tests.Fixtures.Loopback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Tests.Llm;

public sealed class OpenAIChatModelTests : IAsyncLifetime
{
    private LoopbackOpenAIServer _server = null!;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private static readonly ChatTurn[] Prompt =
    [
        new(ChatRole.System, "You write as Ana."),
        new(ChatRole.User, "Where do I start?"),
    ];

    public Task InitializeAsync()
    {
        _server = new LoopbackOpenAIServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    private OpenAIChatModel Model(LlmProvider provider = LlmProvider.AzureOpenAI, TimeSpan? timeout = null, string? model = null,
        LlmRequestShape shape = LlmRequestShape.Auto, MentorMetrics? metrics = null) =>
        new(Options.Create(new LlmOptions
            {
                Provider = provider,
                Endpoint = provider == LlmProvider.AzureOpenAI ? _server.Endpoint : new Uri(_server.Endpoint, "v1"),
                Deployment = "mentor-gpt",
                Model = model,
                RequestShape = shape,
                ApiKey = "test-key",
                Timeout = timeout ?? TimeSpan.FromSeconds(10),
                Temperature = 0.5f,
                ReasoningTokenAllowance = 1000,
            }),
            new SingleClientFactory(_http), NullLogger<OpenAIChatModel>.Instance, metrics);

    [Fact]
    public async Task Each_call_is_measured_in_the_GenAI_conventions_and_a_failed_one_carries_its_error_type()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var tokens = new MetricCollector<long>(meters, MentorMetrics.MeterName, MentorMetrics.GenAiTokenUsage);
        using var duration = new MetricCollector<double>(meters, MentorMetrics.MeterName, MentorMetrics.GenAiOperationDuration);
        var model = Model(LlmProvider.OpenAICompatible, model: "gpt-4.1-mini", metrics: new MentorMetrics(meters));

        _server.Enqueue(LoopbackOpenAIServer.Completion("Start with the base case.", promptTokens: 211, completionTokens: 17));
        await model.CompleteAsync(Prompt, 50);
        _server.Enqueue(LoopbackOpenAIServer.Error(429, "429", "Rate limit reached"));
        await Assert.ThrowsAsync<TransientStepException>(() => model.CompleteAsync(Prompt, 50));

        var usage = tokens.GetMeasurementSnapshot();
        Assert.Equal(2, usage.Count); // the failed call used no tokens
        Assert.Equal(211, usage.Single(m => (string?)m.Tags["gen_ai.token.type"] == "input").Value);
        Assert.Equal(17, usage.Single(m => (string?)m.Tags["gen_ai.token.type"] == "output").Value);
        var calls = duration.GetMeasurementSnapshot();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, m =>
        {
            Assert.Equal("chat", m.Tags["gen_ai.operation.name"]);
            Assert.Equal("gpt-4.1-mini", m.Tags["gen_ai.request.model"]);
            Assert.Equal("openai", m.Tags["gen_ai.provider.name"]);
            Assert.True(m.Value >= 0);
        });
        Assert.False(calls[0].Tags.ContainsKey("error.type"));
        Assert.Equal("429", calls[1].Tags["error.type"]);
    }

    [Theory]
    [InlineData(LlmProvider.AzureOpenAI)]
    [InlineData(LlmProvider.OpenAICompatible)]
    public async Task A_reasoning_model_gets_max_completion_tokens_and_no_temperature(LlmProvider provider)
    {
        _server.ReasoningModel = true;
        var answer = await Model(provider, model: "gpt-5.4-mini").CompleteAsync(Prompt, 123);

        Assert.Equal(_server.DefaultText, answer.Text);
        var body = Assert.Single(_server.Requests).Body;
        Assert.False(body.ContainsKey("temperature"));
        Assert.False(body.ContainsKey("max_tokens"));
        Assert.Equal(123 + 1000, (int)body["max_completion_tokens"]!);
    }

    [Fact]
    public async Task A_chat_model_gets_its_temperature()
    {
        await Model(model: "gpt-4.1-mini").CompleteAsync(Prompt, 77);
        var body = Assert.Single(_server.Requests).Body;
        Assert.Equal(0.5, (double)body["temperature"]!, 3);
        Assert.Equal(77, (int)(body["max_completion_tokens"] ?? body["max_tokens"])!);
    }

    [Fact]
    public async Task The_loopback_refuses_a_chat_shaped_request_to_a_reasoning_model_as_Azure_does()
    {
        // Llm:RequestShape forced to Chat against a reasoning deployment: Azure's 400 is a final refusal, not a retry.
        _server.ReasoningModel = true;
        var e = await Assert.ThrowsAsync<ChatModelException>(() => Model(model: "gpt-5.4-mini", shape: LlmRequestShape.Chat).CompleteAsync(Prompt, 50));
        Assert.Equal(400, e.Status);
        Assert.True(e.Code is "unsupported_parameter" or "unsupported_value", e.Code);
    }

    [Theory]
    [InlineData("gpt-5.4-mini", LlmRequestShape.Reasoning)]
    [InlineData("gpt-5", LlmRequestShape.Reasoning)]
    [InlineData("GPT-5.5", LlmRequestShape.Reasoning)]
    [InlineData("o4-mini", LlmRequestShape.Reasoning)]
    [InlineData("o3", LlmRequestShape.Reasoning)]
    [InlineData("gpt-5.3-chat", LlmRequestShape.Chat)]
    [InlineData("gpt-4.1-mini", LlmRequestShape.Chat)]
    [InlineData("gpt-4o", LlmRequestShape.Chat)]
    [InlineData("llama3.1", LlmRequestShape.Chat)]
    [InlineData("ollama-model", LlmRequestShape.Chat)]
    [InlineData("", LlmRequestShape.Chat)]
    public void The_request_shape_follows_the_model_name(string model, LlmRequestShape expected) =>
        Assert.Equal(expected, LlmRequestShapes.ForModel(model));

    [Fact]
    public async Task Calls_the_Azure_deployment_and_maps_text_finish_reason_and_usage()
    {
        _server.Enqueue(LoopbackOpenAIServer.Completion("Start with chapter 1 🙂", promptTokens: 42, completionTokens: 7));

        var answer = await Model().CompleteAsync(Prompt, 123);

        Assert.Equal("Start with chapter 1 🙂", answer.Text);
        Assert.Equal("stop", answer.FinishReason);
        Assert.Equal((42, 7), (answer.PromptTokens, answer.CompletionTokens));
        Assert.False(answer.ContentFiltered);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/openai/deployments/mentor-gpt/chat/completions", request.Path);
        Assert.False(string.IsNullOrEmpty(request.ApiVersion));
        Assert.Equal("test-key", request.ApiKey);
        Assert.Equal([("system", "You write as Ana."), ("user", "Where do I start?")], request.Messages);
        var maxTokens = request.Body["max_completion_tokens"] ?? request.Body["max_tokens"];
        Assert.Equal(123, (int)maxTokens!);
    }

    [Fact]
    public async Task An_OpenAI_compatible_endpoint_gets_the_model_name_and_a_bearer_key()
    {
        var answer = await Model(LlmProvider.OpenAICompatible).CompleteAsync(Prompt, 50);
        Assert.Equal(_server.DefaultText, answer.Text);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("mentor-gpt", (string)request.Body["model"]!);
        Assert.Equal("Bearer test-key", request.Authorization);
    }

    [Fact]
    public async Task Rate_limit_is_transient_with_Retry_After_and_not_retried_by_the_SDK()
    {
        _server.Enqueue(LoopbackOpenAIServer.Error(429, "429", "Rate limit reached", new Dictionary<string, string> { ["Retry-After"] = "7" }));
        var e = await Assert.ThrowsAsync<TransientStepException>(() => Model().CompleteAsync(Prompt, 50));
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Server_error_is_transient_and_tried_exactly_once()
    {
        _server.Enqueue(LoopbackOpenAIServer.Error(500, "InternalServerError", "Backend failed"));
        await Assert.ThrowsAsync<TransientStepException>(() => Model().CompleteAsync(Prompt, 50));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_slow_answer_times_out_as_transient()
    {
        _server.Enqueue(LoopbackOpenAIServer.Completion("late") with { Delay = TimeSpan.FromSeconds(3) });
        var started = DateTime.UtcNow;
        await Assert.ThrowsAsync<TransientStepException>(() => Model(timeout: TimeSpan.FromMilliseconds(400)).CompleteAsync(Prompt, 50));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2.5));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_filtered_prompt_and_a_filtered_answer_are_final_outcomes()
    {
        _server.Enqueue(LoopbackOpenAIServer.ContentFilterRefusal());
        var refused = await Model().CompleteAsync(Prompt, 50);
        Assert.True(refused.ContentFiltered);
        Assert.Equal("", refused.Text);

        _server.Enqueue(LoopbackOpenAIServer.Completion("partial", finishReason: "content_filter"));
        var filtered = await Model().CompleteAsync(Prompt, 50);
        Assert.True(filtered.ContentFiltered);
        Assert.Equal("", filtered.Text);
        Assert.Equal("content_filter", filtered.FinishReason);
    }

    [Fact]
    public async Task Another_client_error_is_a_typed_final_error()
    {
        _server.Enqueue(LoopbackOpenAIServer.Error(400, "context_length_exceeded", "Too long"));
        var e = await Assert.ThrowsAsync<ChatModelException>(() => Model().CompleteAsync(Prompt, 50));
        Assert.Equal(400, e.Status);
        Assert.Equal("context_length_exceeded", e.Code);
    }

    private sealed class SingleClientFactory(HttpClient client) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => client;
    }
}
