using Microsoft.Extensions.Logging;

namespace MentorFunctions.Core.Conversations;

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

    /// <summary>What the webhook does: start the conversation's instance if needed, then raise the message into it.</summary>
    public static async Task SendMessageAsync(this VirtualWorkflowHost host, ConversationKey conversation, ConversationMessage message)
    {
        var instanceId = conversation.InstanceId;
        if (!host.Exists(instanceId))
            await host.StartAsync(ConversationWorkflow.Name, instanceId, ConversationState.Start(conversation));
        await host.RaiseEventAsync(instanceId, ConversationEvents.Message, message);
    }
}
