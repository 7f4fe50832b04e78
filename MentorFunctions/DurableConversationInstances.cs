using DurableTask.Core.Exceptions;
using Grpc.Core;
using MentorFunctions.Core.Conversations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace MentorFunctions;

/// <summary>Durable's client behind Core's <see cref="IConversationInstances"/> port.</summary>
public sealed class DurableConversationInstances(DurableTaskClient client) : IConversationInstances
{
    public async Task<bool> IsActiveAsync(string instanceId, CancellationToken cancellationToken) =>
        await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is { IsCompleted: false };

    public async Task<bool> TryStartAsync(string instanceId, ConversationState input, CancellationToken cancellationToken)
    {
        try
        {
            // Atomic by the backend: the start is refused while an instance with this id is pending, running or
            // suspended, whatever the host's default policy (host.json pins it too: overridableExistingInstanceStates).
            await client.ScheduleNewOrchestrationInstanceAsync(
                new TaskName(ConversationWorkflow.Name), input, StartOptions(instanceId), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is OrchestrationAlreadyExistsException or RpcException { StatusCode: StatusCode.AlreadyExists })
        {
            return false;
        }
    }

    /// <summary>The start options: this id, refused when an instance is already pending, running or suspended.</summary>
    public static StartOrchestrationOptions StartOptions(string instanceId) =>
        new StartOrchestrationOptions(instanceId).WithDedupeStatuses(
            OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended);

    public Task RaiseMessageAsync(string instanceId, ConversationMessage message, CancellationToken cancellationToken) =>
        client.RaiseEventAsync(instanceId, ConversationEvents.Message, message, cancellationToken);
}
