namespace MentorFunctions.Core.Conversations;

/// <summary>What the webhook needs of the workflow runtime's client: the shell adapts Durable's client to it.</summary>
public interface IConversationInstances
{
    /// <summary>True when the instance exists and is not in a terminal state (running, pending or suspended).</summary>
    Task<bool> IsActiveAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Schedules a new instance; false when one with that id already exists (another caller won the race).</summary>
    Task<bool> TryStartAsync(string instanceId, ConversationState input, CancellationToken cancellationToken);

    Task RaiseMessageAsync(string instanceId, ConversationMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Hands one conversation message to its workflow: start the eternal instance if it is not active, then always raise the
/// message as an event. Two first messages at once both try to start; the loser's "already exists" falls through to the
/// event, and an event raised before the instance runs waits in its queue, so neither message is lost.
/// </summary>
public static class ConversationSignal
{
    /// <param name="sealer">Seals the message's text before it enters the runtime's payloads (the webhook always passes it).</param>
    public static async Task SendAsync(IConversationInstances instances, ConversationKey conversation, ConversationMessage message,
        CancellationToken cancellationToken, Privacy.MessageSealer? sealer = null)
    {
        ArgumentNullException.ThrowIfNull(instances);
        if (sealer is not null)
            message = await sealer.SealAsync(conversation, message, cancellationToken).ConfigureAwait(false);
        var instanceId = conversation.InstanceId;
        if (!await instances.IsActiveAsync(instanceId, cancellationToken).ConfigureAwait(false))
            await instances.TryStartAsync(instanceId, ConversationState.Start(conversation), cancellationToken).ConfigureAwait(false);
        await instances.RaiseMessageAsync(instanceId, message, cancellationToken).ConfigureAwait(false);
    }
}
