using MentorFunctions.Tests.Fixtures;
using static MentorFunctions.Tests.Durable.DurableApp;

namespace MentorFunctions.Tests.Durable;

/// <summary>The distress path through the Functions shell under the Durable test host: the flag crosses the activities.</summary>
public sealed class DistressShellTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_student_in_distress_gets_the_support_message_the_mentor_an_alert_and_the_model_no_call()
    {
        await using var app = await StartAsync(azurite, output: output);
        await app.RegisterMentorAsync(Ana, Sam);

        var (_, outcome) = await app.GroupMessageAsync(Sam, Ana, "I can't go on anymore, I want to kill myself");
        Assert.Equal(200, outcome.StatusCode);

        await WaitUntilAsync(() => app.Zulip.BotMessagesTo(Ana.Id).Count > 0 && app.Zulip.BotMessagesTo(Ana.Id, Sam.Id).Count > 0, Patience,
            "the alert and the support message");
        Assert.Contains("automatic message, not an AI reply", Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id)).Content);
        Assert.Contains("#narrow/dm/", Assert.Single(app.Zulip.BotMessagesTo(Ana.Id)).Content);
        Assert.Empty(app.OpenAI.Requests);

        // Until the mentor writes, a follow-up gets no AI reply (the planned delay here is 2 to 3 s).
        await app.GroupMessageAsync(Sam, Ana, "also, when is the next session?");
        await WaitUntilAsync(async () => (await app.StateAsync(InstanceId(Ana, Sam))) is { AwaitingMentor: true, Pending: null, RecentMessageIds.Length: 2 },
            Patience, "the follow-up recorded while waiting for the mentor");
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        Assert.Empty(app.OpenAI.Requests);
        Assert.Empty(app.Zulip.ValidationErrors);
    }
}
