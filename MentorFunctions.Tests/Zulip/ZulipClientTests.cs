using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Zulip;
using MentorFunctions.Tests.Fixtures.Loopback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Tests.Zulip;

public sealed class ZulipClientTests : IAsyncLifetime
{
    private const string Bot = "mentor-bot@example.zulipchat.com";
    private const long BotId = 100, Mentor = 10, Student = 20;
    private LoopbackZulipServer _zulip = null!;
    private ZulipClient _client = null!;
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _zulip = new LoopbackZulipServer(Bot, "bot-api-key", BotId);
        // Generous by default: a loaded CI machine can take over a second to answer on loopback; only the hanging-server
        // test wants a short timeout, and builds its own client.
        (_services, _client) = ClientWithTimeout(TimeSpan.FromSeconds(20));
        return Task.CompletedTask;
    }

    private (ServiceProvider, ZulipClient) ClientWithTimeout(TimeSpan timeout)
    {
        var services = new ServiceCollection().AddHttpClient(ZulipClient.HttpClientName, h => h.Timeout = timeout).Services.BuildServiceProvider();
        var options = Options.Create(new ZulipOptions
        {
            Bots = [new ZulipBotOptions { Site = _zulip.Site, Email = Bot, ApiKey = "bot-api-key", WebhookToken = "t" }],
        });
        return (services, new ZulipClient(services.GetRequiredService<IHttpClientFactory>(), options, NullLogger<ZulipClient>.Instance));
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_zulip.ValidationErrors);
        await _zulip.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Sends_a_group_DM_and_reads_it_back_as_raw_markdown_oldest_first()
    {
        var first = _zulip.AddMessage(Student, [Mentor], "How do I start **chapter 2**?");
        var id = await _client.SendDirectMessageAsync(Bot, [Mentor, Student], "Read the *intro* first.");

        var history = await _client.GetDirectMessagesAsync(Bot, [Mentor, Student], 50);

        Assert.Equal([first, id], history.Select(m => m.Id));
        Assert.Equal("How do I start **chapter 2**?", history[0].Content);
        Assert.Equal(BotId, history[1].SenderId);
        var send = _zulip.Requests.Single(r => LoopbackZulipServer.Operation(r) == "send-message");
        Assert.Equal("direct", send.Form["type"]);
        Assert.Equal("[10,20]", send.Form["to"]);
        Assert.Equal(Bot + ":bot-api-key", send.AuthUser);
        var get = _zulip.Requests.Single(r => LoopbackZulipServer.Operation(r) == "get-messages");
        Assert.Equal("""[{"operator":"dm","operand":[10,20]}]""", get.Query["narrow"]);
        Assert.Equal("false", get.Query["apply_markdown"]);
    }

    [Fact]
    public async Task Reads_only_the_exact_DM_conversation()
    {
        _zulip.AddMessage(Student, [Mentor], "in the group");
        _zulip.AddMessage(Student, [], "one-to-one with the bot");
        var history = await _client.GetDirectMessagesAsync(Bot, [Mentor, Student], 50);
        Assert.Equal(["in the group"], history.Select(m => m.Content));
    }

    [Fact]
    public async Task Own_user_is_read_once_and_cached()
    {
        var me = await _client.GetOwnUserAsync(Bot);
        var again = await _client.GetOwnUserAsync(Bot.ToUpperInvariant());
        Assert.Equal(BotId, me.UserId);
        Assert.Equal(me, again);
        Assert.Equal(1, _zulip.Count("get-own-user"));
    }

    [Fact]
    public async Task Typing_start_and_stop_are_sent_and_a_refusal_is_harmless()
    {
        await _client.SetTypingAsync(Bot, [Mentor, Student], TypingOperation.Start);
        _zulip.RefuseTyping = true;
        await _client.SetTypingAsync(Bot, [Mentor, Student], TypingOperation.Stop);
        var typing = _zulip.Requests.Where(r => LoopbackZulipServer.Operation(r) == "set-typing-status").ToArray();
        Assert.Equal(["start", "stop"], typing.Select(r => r.Form["op"]));
        Assert.All(typing, r => Assert.Equal("[10,20]", r.Form["to"]));
    }

    [Theory]
    [InlineData("1.5", 1500)]
    [InlineData("3", 3000)]
    public async Task Rate_limit_becomes_a_transient_failure_carrying_Retry_After(string retryAfter, int expectedMs)
    {
        _zulip.EnqueueFault("send-message", LoopbackZulipServer.RateLimited(retryAfter));
        var e = await Assert.ThrowsAsync<TransientStepException>(() => _client.SendDirectMessageAsync(Bot, [Mentor, Student], "hi"));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), e.RetryAfter);
        Assert.Empty(_zulip.BotMessagesTo(Mentor, Student));
    }

    [Fact]
    public async Task Server_error_is_transient_and_a_refusal_is_a_typed_api_error()
    {
        _zulip.EnqueueFault("get-messages", LoopbackZulipServer.ServerError());
        await Assert.ThrowsAsync<TransientStepException>(() => _client.GetDirectMessagesAsync(Bot, [Mentor, Student], 10));

        _zulip.EnqueueFault("send-message", new ZulipFault(400, """{"result":"error","msg":"Invalid user ID 999","code":"BAD_REQUEST"}"""));
        var e = await Assert.ThrowsAsync<ZulipApiException>(() => _client.SendDirectMessageAsync(Bot, [999], "hi"));
        Assert.Equal("BAD_REQUEST", e.Code);
        Assert.Equal(400, (int)e.Status);
    }

    [Fact]
    public async Task A_hanging_server_times_out_as_transient()
    {
        // This client times out after 1 s; the loopback answers after 5 s.
        var (services, client) = ClientWithTimeout(TimeSpan.FromSeconds(1));
        using var _ = services;
        _zulip.EnqueueFault("get-own-user", new ZulipFault(200, "{}", Delay: TimeSpan.FromSeconds(5)));
        var started = DateTime.UtcNow;
        await Assert.ThrowsAsync<TransientStepException>(() => client.GetOwnUserAsync(Bot));
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(4.5));
    }

    [Fact]
    public async Task An_unreachable_server_is_transient()
    {
        var options = Options.Create(new ZulipOptions
        {
            Bots = [new ZulipBotOptions { Site = new Uri("http://127.0.0.1:9/"), Email = Bot, ApiKey = "k", WebhookToken = "t" }],
        });
        var client = new ZulipClient(_services.GetRequiredService<IHttpClientFactory>(), options, NullLogger<ZulipClient>.Instance);
        await Assert.ThrowsAsync<TransientStepException>(() => client.GetOwnUserAsync(Bot));
    }

    [Fact]
    public async Task Refuses_content_over_the_message_length_and_unknown_bots()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _client.SendDirectMessageAsync(Bot, [Mentor], new string('x', ZulipLimits.DefaultMaxMessageLength + 1)));
        await Assert.ThrowsAsync<UnknownBotException>(() => _client.GetOwnUserAsync("other@example.com"));
        Assert.Empty(_zulip.Requests);
    }
}
