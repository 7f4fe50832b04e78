using MentorFunctions.Core.Conversations;
using Microsoft.Extensions.Logging;

namespace MentorFunctions.Testing.Conversations;

/// <summary>Runs <see cref="ConversationWorkflow"/> on a <see cref="VirtualWorkflowHost"/>, as the Functions shell does on Durable.</summary>
public static class VirtualConversationHost
{
    /// <summary>Registers the conversation workflow and its three steps, dispatched to <paramref name="steps"/>.</summary>
    public static VirtualWorkflowHost AddConversationWorkflow(this VirtualWorkflowHost host, IConversationSteps steps, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return host
            .RegisterWorkflow<ConversationState>(ConversationWorkflow.Name, (runtime, state) => ConversationWorkflow.RunAsync(runtime, state, logger))
            .RegisterStep<RecordMessageInput, RecordMessageResult>(StepNames.RecordMessage, input => steps.RecordAsync(input))
            .RegisterStep<PlanReplyInput, ReplyPlan>(StepNames.PlanReply, input => steps.PlanReplyAsync(input))
            .RegisterStep<DeliverReplyInput, DeliverReplyResult>(StepNames.DeliverReply, input => steps.DeliverReplyAsync(input));
    }

    /// <summary>What the webhook does (<see cref="ConversationSignal"/>): start the instance if needed, then raise the message.</summary>
    public static Task SendMessageAsync(this VirtualWorkflowHost host, ConversationKey conversation, ConversationMessage message) =>
        ConversationSignal.SendAsync(new VirtualInstances(host), conversation, message, CancellationToken.None);

    private sealed class VirtualInstances(VirtualWorkflowHost host) : IConversationInstances
    {
        // The conversation workflow is eternal, so an instance that exists is the one to signal.
        public Task<bool> IsActiveAsync(string instanceId, CancellationToken cancellationToken) => Task.FromResult(host.Exists(instanceId));

        public async Task<bool> TryStartAsync(string instanceId, ConversationState input, CancellationToken cancellationToken)
        {
            if (host.Exists(instanceId))
                return false;
            await host.StartAsync(ConversationWorkflow.Name, instanceId, input);
            return true;
        }

        public Task RaiseMessageAsync(string instanceId, ConversationMessage message, CancellationToken cancellationToken) =>
            host.RaiseEventAsync(instanceId, ConversationEvents.Message, message);
    }
}
