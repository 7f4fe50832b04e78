using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Privacy;
using Microsoft.DurableTask.Client;

namespace MentorFunctions;

/// <summary>Durable's client behind Core's <see cref="IConversationHistories"/>: terminate, then purge, every instance of a user.</summary>
public sealed class DurableConversationHistories(DurableTaskClient client) : IConversationHistories
{
    private static readonly TimeSpan TerminationWait = TimeSpan.FromSeconds(30);

    public async Task<int> PurgeUserAsync(string botEmail, long userId, CancellationToken cancellationToken)
    {
        // Instance ids are the conversation partition keys: the bot's prefix finds its conversations even after the
        // registry forgot the user's pairs.
        var prefix = ConversationPartitions.Range(botEmail).From;
        var doomed = new List<OrchestrationMetadata>();
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix }).WithCancellation(cancellationToken))
        {
            if (ConversationPartitions.Involves(instance.InstanceId, userId))
                doomed.Add(instance);
        }

        foreach (var instance in doomed)
        {
            if (!instance.IsCompleted)
            {
                await client.TerminateInstanceAsync(instance.InstanceId, new TerminateInstanceOptions { Output = "forgotten" }, cancellationToken);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(TerminationWait);
                await client.WaitForInstanceCompletionAsync(instance.InstanceId, getInputsAndOutputs: false, wait.Token);
            }
            var purged = await client.PurgeInstanceAsync(instance.InstanceId, cancellation: cancellationToken);
            if (purged.PurgedInstanceCount == 0)
                throw new InvalidOperationException($"The task hub did not purge instance {instance.InstanceId}.");
        }
        return doomed.Count;
    }
}
