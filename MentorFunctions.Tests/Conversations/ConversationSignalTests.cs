using System.Collections.Concurrent;
using MentorFunctions.Core.Conversations;

namespace MentorFunctions.Tests.Conversations;

public sealed class ConversationSignalTests
{
    private static readonly ConversationKey Key = new("bot@example.com", 11, 22);

    [Fact]
    public async Task Two_first_messages_at_once_start_the_instance_once_and_both_reach_it()
    {
        // Both callers look before either starts it: the race the webhook meets when a new conversation opens with a burst.
        var instances = new RacingInstances(callers: 2);
        var first = new ConversationMessage(1, 22, ParticipantRole.Student, DateTimeOffset.UnixEpoch, "hi");
        var second = new ConversationMessage(2, 22, ParticipantRole.Student, DateTimeOffset.UnixEpoch, "are you there?");

        await Task.WhenAll(
            Task.Run(() => ConversationSignal.SendAsync(instances, Key, first, default)),
            Task.Run(() => ConversationSignal.SendAsync(instances, Key, second, default)));

        Assert.Equal(1, instances.Starts);
        Assert.Equal(2, instances.StartAttempts);
        Assert.Equal([1L, 2L], instances.Raised.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task A_message_to_a_running_conversation_is_only_raised()
    {
        var instances = new RacingInstances(callers: 1) { Active = true };
        await ConversationSignal.SendAsync(instances, Key, new ConversationMessage(3, 11, ParticipantRole.Mentor, DateTimeOffset.UnixEpoch, "ok"), default);
        Assert.Equal(0, instances.StartAttempts);
        Assert.Single(instances.Raised);
    }

    /// <summary>Answers "not active" to every caller until all have looked, then lets exactly one start succeed.</summary>
    private sealed class RacingInstances(int callers) : IConversationInstances
    {
        private readonly TaskCompletionSource _allLooked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _looked;
        private int _started;
        private int _attempts;

        public bool Active { get; init; }
        public int Starts => _started;
        public int StartAttempts => _attempts;
        public ConcurrentBag<ConversationMessage> Raised { get; } = [];

        public async Task<bool> IsActiveAsync(string instanceId, CancellationToken cancellationToken)
        {
            if (Active) return true;
            if (Interlocked.Increment(ref _looked) == callers) _allLooked.SetResult();
            await _allLooked.Task;
            return false;
        }

        public Task<bool> TryStartAsync(string instanceId, ConversationState input, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            return Task.FromResult(Interlocked.CompareExchange(ref _started, 1, 0) == 0);
        }

        public Task RaiseMessageAsync(string instanceId, ConversationMessage message, CancellationToken cancellationToken)
        {
            Raised.Add(message);
            return Task.CompletedTask;
        }
    }
}
