using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Telemetry;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static MentorFunctions.Tests.Durable.DurableApp;

namespace MentorFunctions.Tests.Durable;

/// <summary>The stand-down is exact: a mentor who answers at any moment before the post gets no AI reply after theirs.</summary>
public sealed class StandDownTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_mentor_who_answers_while_the_model_writes_gets_no_AI_reply_after_theirs()
    {
        await using var app = await StartAsync(azurite, output: output);
        var meters = app.Get<System.Diagnostics.Metrics.IMeterFactory>();
        using var standDowns = new MetricCollector<long>(meters, MentorMetrics.MeterName, MentorMetrics.StandDowns);
        using var replies = new MetricCollector<long>(meters, MentorMetrics.MeterName, MentorMetrics.Replies);
        await app.RegisterMentorAsync(Ana, Sam);
        app.OpenAI.Enqueue(LoopbackOpenAIServer.Completion("Try splitting the problem in two.") with { Delay = TimeSpan.FromSeconds(4) });

        var (studentMessage, _) = await app.GroupMessageAsync(Sam, Ana, "How do I start the recursion exercise?");
        // The delivery step has read the history and is waiting for the model: the mentor answers now.
        await WaitUntilAsync(() => app.OpenAI.Requests.Count == 1, TimeSpan.FromSeconds(30), "the model call in flight");
        var (mentorMessage, _) = await app.GroupMessageAsync(Ana, Sam, "Start with the base case, Sam.");

        await WaitUntilAsync(async () => (await app.StateAsync(InstanceId(Ana, Sam))) is { Pending: null, DeliverDue: false } s
            && s.HasSeen(mentorMessage), TimeSpan.FromSeconds(30), "the delivery ended");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id), m => m.Id > mentorMessage);
        Assert.Empty(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        Assert.True(mentorMessage > studentMessage);
        var audit = await app.Get<MentorFunctions.Core.Storage.AuditLog>().ListAsync(new ConversationKey(Bot, Ana.Id, Sam.Id));
        Assert.Contains(audit, e => e.Outcome == DeliveryOutcome.MentorAnswered);
        // Counted as a stand-down just before posting, and as the reply's outcome.
        Assert.Equal("before_posting", Assert.Single(standDowns.GetMeasurementSnapshot()).Tags["mentor.stand_down.stage"]);
        Assert.Equal("stood_down", Assert.Single(replies.GetMeasurementSnapshot()).Tags["mentor.reply.outcome"]);
    }
}
