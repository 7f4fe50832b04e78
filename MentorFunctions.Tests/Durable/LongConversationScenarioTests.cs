using MentorFunctions.Core.Conversations;
using Microsoft.DurableTask.Client;
using MentorFunctions.Tests.Fixtures;
using static MentorFunctions.Tests.Durable.DurableApp;

namespace MentorFunctions.Tests.Durable;

/// <summary>
/// A long conversation on the Durable test host: 32 alternating student and mentor messages. A generation continues as
/// new after MessagesPerGeneration messages, so the history a replay reads stays that small however long the
/// conversation gets. (The preview test host serves no history through GetOrchestrationHistoryAsync, so the bound is
/// shown by the generations and the state's windows at their fixed sizes.)
/// </summary>
public sealed class LongConversationScenarioTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Thirty_two_alternating_messages_keep_history_bounded_and_the_instance_running_and_idle()
    {
        // Long enough delays that each student message is answered by the mentor before the stand-in would speak.
        await using var app = await StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Timing:MinDelay"] = "00:00:20", ["Timing:MaxDelay"] = "00:00:25",
        }, output: output);
        await app.RegisterMentorAsync(Ana, Sam);
        var instanceId = InstanceId(Ana, Sam);

        var ids = new List<long>();
        for (var i = 0; i < 16; i++)
        {
            ids.Add((await app.GroupMessageAsync(Sam, Ana, $"Question {i}: why does step {i} of the exercise fail?")).MessageId);
            ids.Add((await app.GroupMessageAsync(Ana, Sam, $"Check the loop bound in step {i}.")).MessageId);
        }

        var state = await app.StateAsync(instanceId);
        output.WriteLine($"generation {state!.Generation}, redeliveries {app.Redeliveries}");
        Assert.Equal(ids[^1], state.LastMentorMessageId);
        Assert.Null(state.Pending);
        Assert.False(state.DeliverDue);
        // One generation per MessagesPerGeneration messages (a re-raised duplicate, the test host's defect, counts as one).
        var perGeneration = ConversationWorkflow.MessagesPerGeneration;
        Assert.InRange(state.Generation, 32 / perGeneration, (32 + app.Redeliveries + perGeneration - 1) / perGeneration);
        // The recent-id window keeps the newest 32 ids and no more, however long the conversation.
        Assert.Equal(ids.TakeLast(ConversationState.RecentIdsKept).Order(), state.RecentMessageIds!);

        var instance = await app.Client.GetInstanceAsync(instanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        Assert.Empty(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        Assert.Empty(app.OpenAI.Requests);
        Assert.Empty(app.Zulip.ValidationErrors);
    }
}
