using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Replies;
using MentorFunctions.Core.Safety;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Telemetry;
using MentorFunctions.Core.Timing;

namespace MentorFunctions.Core.Conversations;

/// <summary>
/// The real conversation steps: Style records, Timing plans from the learned profile, Replies delivers.
/// The Durable activities and the virtual-clock host both call this, so both run the same code. Activities run once
/// per attempt (never replayed), so the planned delay, stand-downs during the wait and transient failures are counted here.
/// </summary>
public sealed class ConversationStepRunner(
    IMessageRecorder recorder,
    IStyleProfileReader profiles,
    UrgencyScorer urgency,
    DelayPlanner planner,
    ReplyDeliverer deliverer,
    DraftStore drafts,
    IMentorRegistry registry,
    PendingReplyBoard pendingReplies,
    Privacy.MessageSealer sealer,
    MentorMetrics metrics,
    DistressDetector distress) : IConversationSteps
{
    public Task<RecordMessageResult> RecordAsync(RecordMessageInput input, CancellationToken cancellationToken = default) =>
        CountTransient(StepNames.RecordMessage, () => RecordCoreAsync(input, cancellationToken));

    public Task<ReplyPlan> PlanReplyAsync(PlanReplyInput input, CancellationToken cancellationToken = default) =>
        CountTransient(StepNames.PlanReply, () => PlanReplyCoreAsync(input, cancellationToken));

    public Task<DeliverReplyResult> DeliverReplyAsync(DeliverReplyInput input, CancellationToken cancellationToken = default) =>
        CountTransient(StepNames.DeliverReply, () => DeliverReplyCoreAsync(input, cancellationToken));

    // Every step ends here: storage and identity failures that may pass become TransientStepException (one rule for every
    // store, StorageFailures), so the step is retried rather than the reply dropped.
    private async Task<T> CountTransient<T>(string step, Func<Task<T>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && StorageFailures.Classify(e) is { } transient)
        {
            metrics.StepTransientFailure(step);
            if (ReferenceEquals(transient, e))
                throw;
            throw transient;
        }
    }

    private async Task<RecordMessageResult> RecordCoreAsync(RecordMessageInput input, CancellationToken cancellationToken)
    {
        var recorded = await RecordOnlyAsync(input, cancellationToken).ConfigureAwait(false);
        if (input.PlanIfOwed is not { } owed || recorded.Distress || input.Message.Role != ParticipantRole.Student)
            return recorded;
        // Planning after recording, in the same step: a retried step finds its message counted and plans again, which
        // writes the same pending row (idempotent by the burst's first message id).
        var plan = await PlanReplyCoreAsync(owed with { Urgency = Math.Max(owed.Urgency, recorded.Urgency) }, cancellationToken).ConfigureAwait(false);
        return recorded with { Plan = plan };
    }

    private async Task<RecordMessageResult> RecordOnlyAsync(RecordMessageInput input, CancellationToken cancellationToken)
    {
        var conversation = input.Conversation;
        // The text arrives sealed under the pair's key; a key deleted by `forget` leaves nothing to learn from.
        if (await sealer.OpenAsync(conversation, input.Message, cancellationToken).ConfigureAwait(false) is not { } message)
            return new RecordMessageResult(AlreadyCounted: true, Urgency: 0);
        var counted = await recorder.RecordAsync(conversation, message, cancellationToken).ConfigureAwait(false);
        if (message.Role == ParticipantRole.Mentor)
        {
            // The mentor answered: the workflow stands the reply down, and status stops showing it. Counted as a
            // stand-down while waiting only when the reply was not due yet (once due, delivery counts its own).
            if (await pendingReplies.ClearAsync(conversation, replyId: null, cancellationToken).ConfigureAwait(false) is { } dueAt
                && dueAt > message.SentAt)
                metrics.StandDown("waiting");
            // The mentor answered in person: a draft still waiting for this student would now say the wrong thing.
            // Zulip's timestamps are whole seconds, so a draft made in the same second as the answer counts as older.
            await drafts.DiscardForStudentAsync(conversation.BotEmail, conversation.MentorId, conversation.StudentId, message.SentAt.AddSeconds(1), cancellationToken)
                .ConfigureAwait(false);
        }
        if (message.Role != ParticipantRole.Student)
            return new RecordMessageResult(!counted, 0);
        // Stress and frustration make the reply sooner (in the score) and show in the mentor's status.
        if (StrainDetector.IsStrained(message.Content))
            await pendingReplies.MarkStrainedAsync(conversation, message.MessageId, cancellationToken).ConfigureAwait(false);
        return new RecordMessageResult(!counted, urgency.Score(message.Content), distress.IsDistress(message.Content));
    }

    private async Task<ReplyPlan> PlanReplyCoreAsync(PlanReplyInput input, CancellationToken cancellationToken)
    {
        var conversation = input.Conversation;
        var style = await profiles.ReadForReplyAsync(conversation, cancellationToken).ConfigureAwait(false);
        var mentor = await registry.GetMentorAsync(conversation.BotEmail, conversation.MentorId, cancellationToken).ConfigureAwait(false);
        var quiet = mentor?.QuietHours is { } q ? QuietWindow.Create(q.StartHour, q.EndHour, q.TimeZone) : null;
        var plan = planner.Plan(style.Timing, input, quiet);
        await pendingReplies.SetAsync(conversation, input.FirstMessageId, plan.DueAt < plan.NotAfter ? plan.DueAt : plan.NotAfter, cancellationToken)
            .ConfigureAwait(false);
        metrics.PlannedDelay(plan.DelaySeconds);
        return plan;
    }

    private async Task<DeliverReplyResult> DeliverReplyCoreAsync(DeliverReplyInput input, CancellationToken cancellationToken)
    {
        DeliverReplyResult result;
        try
        {
            result = await deliverer.DeliverAsync(input, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && StorageFailures.Classify(e) is null)
        {
            // A final failure ends the reply: status must not keep showing it. (A transient one will be retried.)
            await pendingReplies.ClearAsync(input.Conversation, input.ReplyId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        await pendingReplies.ClearAsync(input.Conversation, input.ReplyId, cancellationToken).ConfigureAwait(false);
        return result;
    }
}
