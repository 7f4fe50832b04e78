using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Llm;
using MentorFunctions.Tests.Fixtures.Loopback;
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

    private OpenAIChatModel Model(LlmProvider provider = LlmProvider.AzureOpenAI, TimeSpan? timeout = null) =>
        new(Options.Create(new LlmOptions
            {
                Provider = provider,
                Endpoint = provider == LlmProvider.AzureOpenAI ? _server.Endpoint : new Uri(_server.Endpoint, "v1"),
                Deployment = "mentor-gpt",
                ApiKey = "test-key",
                Timeout = timeout ?? TimeSpan.FromSeconds(10),
                Temperature = 0.5f,
            }),
            new SingleClientFactory(_http), NullLogger<OpenAIChatModel>.Instance);

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
