using System.Diagnostics;
using MentorFunctions.Core.Style;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;
using static MentorFunctions.Tests.Durable.DurableApp;

namespace MentorFunctions.Tests.Durable;

/// <summary>
/// Re-sent events through the Functions shell under the Durable test host, with its own app on this class's Azurite;
/// each class of this folder runs in parallel with the others.
/// </summary>
public sealed class ResentEventScenarioTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_same_message_raised_four_times_is_recorded_once_and_answered_once()
    {
        await using var app = await StartAsync(azurite, output: output);
        await app.RegisterMentorAsync(Ana, Sam);

        // Ana's own message four times (Zulip re-sends), then Sam's four times: each is learned from and counted once.
        var at = DateTimeOffset.UtcNow;
        var mentorId = app.Zulip.AddMessage(Ana.Id, [Sam.Id], "Welcome! Ask me anything about the course.", at);
        var mentorBody = Payload(mentorId, Ana, Sam, "Welcome! Ask me anything about the course.", at);
        for (var i = 0; i < 4; i++)
            Assert.Equal(200, (await app.PostWebhookAsync(mentorBody)).StatusCode);
        var studentId = app.Zulip.AddMessage(Sam.Id, [Ana.Id], "Thanks! How do I run the tests?", at.AddSeconds(1));
        var studentBody = Payload(studentId, Sam, Ana, "Thanks! How do I run the tests?", at.AddSeconds(1));
        for (var i = 0; i < 4; i++)
            Assert.Equal(200, (await app.PostWebhookAsync(studentBody)).StatusCode);

        await WaitUntilAsync(() => app.Zulip.BotMessagesTo(Ana.Id, Sam.Id).Count > 0, Patience, "the AI reply");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        Assert.Single(app.OpenAI.Requests);
        Assert.Equal(1, (await app.Get<IStyleProfileReader>().ReadMentorAsync(Bot, Ana.Id)).MessagesSeen);
        var state = await app.StateAsync(InstanceId(Ana, Sam));
        Assert.Equal([mentorId, studentId], state!.RecentMessageIds!);
    }

}

/// <summary>Failing peers, in a class of its own so that it runs in parallel with the other scenarios.</summary>
public sealed class FailingPeerScenarioTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Zulip_429_with_retry_after_and_a_model_503_are_retried_and_the_reply_is_posted_once()
    {
        await using var app = await StartAsync(azurite, output: output);
        await app.RegisterMentorAsync(Ana, Sam);
        app.OpenAI.Enqueue(LoopbackOpenAIServer.Error(503, "server_busy", "The service is busy."));
        var sends = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        app.Zulip.FaultInjector = operation =>
        {
            if (operation != "send-message")
                return null;
            lock (sends)
            {
                sends.Add(clock.Elapsed);
                // Zulip asks for 8 s, more than the policy's first backoff (5 s): the retry must wait for it.
                return sends.Count == 1 ? LoopbackZulipServer.RateLimited("8") : null;
            }
        };

        await app.GroupMessageAsync(Sam, Ana, "Is the deadline on Friday or Monday?");

        await WaitUntilAsync(() => app.Zulip.BotMessagesTo(Ana.Id, Sam.Id).Count > 0, Patience, "the AI reply");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var post = Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        Assert.Contains("AI reply in Ana Lima's style", post.Content);
        Assert.Equal(2, app.OpenAI.Requests.Count); // the 503, then the reply: the post retried from the ledger, not rewritten
        lock (sends)
        {
            Assert.Equal(2, sends.Count);
            Assert.True(sends[1] - sends[0] >= TimeSpan.FromSeconds(7.5), $"the retry came {sends[1] - sends[0]} after the 429");
        }
        Assert.Empty(app.Zulip.ValidationErrors);
    }
}
