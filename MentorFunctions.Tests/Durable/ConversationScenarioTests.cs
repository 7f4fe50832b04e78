using MentorFunctions.Tests.Fixtures;
using static MentorFunctions.Tests.Durable.DurableApp;

namespace MentorFunctions.Tests.Durable;

/// <summary>
/// The conversation's main paths through the Functions shell under the Durable test host. Each scenario has its own
/// app (test host, loopback servers, tables) on this class's Azurite; the classes of this folder run in parallel.
/// </summary>
public sealed class ConversationScenarioTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_silent_mentor_gets_one_labelled_reply_after_the_planned_delay()
    {
        await using var app = await StartAsync(azurite, output: output);
        await app.RegisterMentorAsync(Ana, Sam);

        var (id, outcome) = await app.GroupMessageAsync(Sam, Ana, "Hi Ana, I'm stuck on the recursion exercise, can you help?");
        Assert.Equal(200, outcome.StatusCode);
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(app.Zulip.Messages.Single(m => m.Id == id).Timestamp);

        try { await WaitUntilAsync(() => app.Zulip.BotMessagesTo(Ana.Id, Sam.Id).Count > 0, Patience, "the AI reply"); }
        finally
        {
            var i = await app.Client.GetInstanceAsync(InstanceId(Ana, Sam), getInputsAndOutputs: true);
            output.WriteLine($"STATUS {i?.RuntimeStatus} {i?.SerializedInput} {i?.FailureDetails}");
        }
        var post = Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        Assert.Contains("AI reply in Ana Lima's style", post.Content);
        // Planned between MinDelay (2 s) and MaxDelay (3 s) after the message (Zulip's whole-second timestamps): never
        // before it; the upper bound only allows for a loaded CI machine.
        var delay = DateTimeOffset.FromUnixTimeSeconds(post.Timestamp) - sentAt;
        Assert.InRange(delay.TotalSeconds, 1, 20);
        Assert.Single(app.OpenAI.Requests);
        Assert.Empty(app.Zulip.ValidationErrors);

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        var instance = await app.Client.GetInstanceAsync(InstanceId(Ana, Sam));
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
    }

    [Fact]
    public async Task A_mentor_who_answers_in_time_stands_the_reply_down()
    {
        await using var app = await StartAsync(azurite, output: output);
        await app.RegisterMentorAsync(Ana, Sam);

        await app.GroupMessageAsync(Sam, Ana, "Can you look at my test?");
        await app.GroupMessageAsync(Ana, Sam, "Sure, send me the failing one.");
        var instanceId = InstanceId(Ana, Sam);
        await WaitUntilAsync(async () => (await app.StateAsync(instanceId)) is { LastMentorMessageId: > 0, Pending: null },
            Patience, "the mentor's answer recorded");

        await Task.Delay(TimeSpan.FromSeconds(5)); // past the planned delay
        Assert.Empty(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        Assert.Empty(app.OpenAI.Requests);
    }

    [Fact]
    public async Task A_burst_of_five_messages_gets_one_reply()
    {
        // A burst needs a delay longer than the time five webhook calls take on a busy 2-core machine.
        await using var app = await StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Timing:MinDelay"] = "00:00:10", ["Timing:MaxDelay"] = "00:00:12",
        }, output: output);
        await app.RegisterMentorAsync(Ana, Sam);

        for (var i = 1; i <= 5; i++)
            await app.GroupMessageAsync(Sam, Ana, $"Question part {i} about the linked list exercise?");

        await WaitUntilAsync(() => app.Zulip.BotMessagesTo(Ana.Id, Sam.Id).Count > 0, Patience, "the AI reply");
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        Assert.Single(app.OpenAI.Requests);
        // The generation that delivered waits for the next message before it continues as new, so the instance's input
        // (its recorded state) shows the post from the next message on: here the mentor's.
        var mentorId = (await app.GroupMessageAsync(Ana, Sam, "Back now, let's look at part 3 first.")).MessageId;
        await WaitUntilAsync(async () => (await app.StateAsync(InstanceId(Ana, Sam))) is { RepliesPosted: 1 } s && s.LastMentorMessageId == mentorId,
            Patience, "the post and the mentor's message recorded");
        var state = await app.StateAsync(InstanceId(Ana, Sam));
        Assert.Equal(6, state!.RecentMessageIds!.Length);
        Assert.Null(state.Pending);
        Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
    }
}
