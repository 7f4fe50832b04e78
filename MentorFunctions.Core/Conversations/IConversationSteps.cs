namespace MentorFunctions.Core.Conversations;

/// <summary>
/// The conversation workflow's steps (names in <see cref="StepNames"/>). The lead implements them for real; the Functions
/// activities and the virtual host both call this. A step may throw <see cref="TransientStepException"/> to be retried.
/// </summary>
public interface IConversationSteps
{
    Task<RecordMessageResult> RecordAsync(RecordMessageInput input, CancellationToken cancellationToken = default);

    Task<ReplyPlan> PlanReplyAsync(PlanReplyInput input, CancellationToken cancellationToken = default);

    Task<DeliverReplyResult> DeliverReplyAsync(DeliverReplyInput input, CancellationToken cancellationToken = default);
}
