using MentorFunctions.Core.Conversations;
using Microsoft.Azure.Functions.Worker;

namespace MentorFunctions;

/// <summary>The conversation workflow's steps as Durable activities, one per step name; Core does the work.</summary>
public sealed class Activities(IConversationSteps steps)
{
    [Function(StepNames.RecordMessage)]
    public Task<RecordMessageResult> RecordMessage([ActivityTrigger] RecordMessageInput input, FunctionContext context) =>
        steps.RecordAsync(input, context.CancellationToken);

    [Function(StepNames.PlanReply)]
    public Task<ReplyPlan> PlanReply([ActivityTrigger] PlanReplyInput input, FunctionContext context) =>
        steps.PlanReplyAsync(input, context.CancellationToken);

    [Function(StepNames.DeliverReply)]
    public Task<DeliverReplyResult> DeliverReply([ActivityTrigger] DeliverReplyInput input, FunctionContext context) =>
        steps.DeliverReplyAsync(input, context.CancellationToken);
}
