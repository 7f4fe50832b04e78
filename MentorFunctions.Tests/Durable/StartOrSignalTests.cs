using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Intake;
using MentorFunctions.Tests.Fixtures;
using Microsoft.DurableTask.Client;
using static MentorFunctions.Tests.Durable.DurableApp;

namespace MentorFunctions.Tests.Durable;

/// <summary>Start-or-signal through the shell's <see cref="DurableConversationInstances"/> on the Durable test host.</summary>
public sealed class StartOrSignalTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Two_simultaneous_first_messages_make_one_instance_and_both_are_recorded()
    {
        await using var app = await StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Timing:MinDelay"] = "00:00:08", ["Timing:MaxDelay"] = "00:00:10",
        }, output: output);
        await app.RegisterMentorAsync(Ana, Sam);

        // Both webhook calls see no instance before either starts one (the race the backend must settle).
        var now = DateTimeOffset.UtcNow;
        var id1 = app.Zulip.AddMessage(Sam.Id, [Ana.Id], "Hi, first question?", now);
        var id2 = app.Zulip.AddMessage(Sam.Id, [Ana.Id], "And a second one?", now);
        var o1 = await app.Get<WebhookIntake>().HandleAsync(Payload(id1, Sam, Ana, "Hi, first question?", now), "application/json", default);
        var o2 = await app.Get<WebhookIntake>().HandleAsync(Payload(id2, Sam, Ana, "And a second one?", now), "application/json", default);
        var racing = new BothSeeNothing(app.Instances);
        await Task.WhenAll(
            app.SignalAsync(o1.Conversation!, o1.Message!, racing),
            app.SignalAsync(o2.Conversation!, o2.Message!, racing));

        Assert.Equal(2, racing.Starts);
        Assert.Equal(1, racing.StartsWon);
        var instanceId = InstanceId(Ana, Sam);
        var instance = await app.Client.GetInstanceAsync(instanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        // The loser's message arrives as an event; on a loaded machine the instance may not have taken it in yet.
        await WaitUntilAsync(async () => (await app.StateAsync(instanceId)) is { } s && s.HasSeen(id1) && s.HasSeen(id2),
            TimeSpan.FromSeconds(30), "both messages recorded");
        var state = await app.StateAsync(instanceId);
        Assert.Equal(2, state!.Pending!.MessagesInBurst);
    }

    /// <summary>The shell's adapter, with IsActive held until both callers asked, so both go on to start.</summary>
    private sealed class BothSeeNothing(IConversationInstances inner) : IConversationInstances
    {
        private readonly TaskCompletionSource _both = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _asked;
        private int _starts;
        private int _won;

        public int Starts => _starts;
        public int StartsWon => _won;

        public async Task<bool> IsActiveAsync(string instanceId, CancellationToken cancellationToken)
        {
            var active = await inner.IsActiveAsync(instanceId, cancellationToken);
            if (Interlocked.Increment(ref _asked) == 2)
                _both.TrySetResult();
            if (_asked <= 2)
                await _both.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return active;
        }

        public async Task<bool> TryStartAsync(string instanceId, ConversationState input, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _starts);
            var won = await inner.TryStartAsync(instanceId, input, cancellationToken);
            if (won)
                Interlocked.Increment(ref _won);
            return won;
        }

        public Task RaiseMessageAsync(string instanceId, ConversationMessage message, CancellationToken cancellationToken) =>
            inner.RaiseMessageAsync(instanceId, message, cancellationToken);
    }
}
