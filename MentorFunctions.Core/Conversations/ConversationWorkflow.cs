using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFunctions.Core.Conversations;

/// <summary>
/// One mentor–student conversation as an eternal workflow. Each generation:
/// <list type="number">
/// <item>if the previous generation's wait timed out, deliver the reply first (no event wait is open meanwhile, so no
/// event can be swallowed by an abandoned waiter — the isolated worker's known issue);</item>
/// <item>waits for the next message, with a timer only while a reply is pending (idle costs no timer);</item>
/// <item>on a message: records it (and plans, joins or cancels the pending reply), shows the new state, and waits again
/// in the same generation, up to <see cref="MessagesPerGeneration"/> messages; on the timer: marks the reply due;</item>
/// <item>ContinueAsNew with the small state after a timeout or that many messages, so history stays small.</item>
/// </list>
/// </summary>
public static class ConversationWorkflow
{
    /// <summary>The orchestration's name (the Functions shell's orchestrator function).</summary>
    public const string Name = "ConversationOrchestrator";

    /// <summary>
    /// Messages one generation handles before it continues as new: each saves a ContinueAsNew (an action), and bounds
    /// the history a replay reads (a message's wait, timer and step are about six history events).
    /// </summary>
    public const int MessagesPerGeneration = 8;

    public static async Task RunAsync(IWorkflowRuntime runtime, ConversationState state, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(state);
        ILogger log = logger is null ? NullLogger.Instance : new ReplaySafeLogger(runtime, logger);

        if (state.DeliverDue)
        {
            state = await DeliverAsync(runtime, state, log);
            runtime.SetStatus(state);
        }

        for (var handled = 0; handled < MessagesPerGeneration; handled++)
        {
            var wait = await runtime.WaitForEventAsync<ConversationMessage>(ConversationEvents.Message, state.Pending?.DueAt);
            if (wait.TimedOut)
            {
                state = state with { DeliverDue = state.Pending is not null };
                break; // the abandoned waiter must not see another event: continue as new at once
            }
            if (wait.Value is { } message)
                state = await OnMessageAsync(runtime, state, message, log);
            runtime.SetStatus(state);
        }

        state = state with { Generation = state.Generation + 1 };
        runtime.SetStatus(state);
        runtime.ContinueAsNew(state);
    }

    private static async Task<ConversationState> DeliverAsync(IWorkflowRuntime runtime, ConversationState state, ILogger log)
    {
        if (state.Pending is not { } pending)
            return state with { DeliverDue = false };

        DeliveryOutcome outcome;
        try
        {
            var result = await runtime.CallStepAsync<DeliverReplyInput, DeliverReplyResult>(
                StepNames.DeliverReply,
                new DeliverReplyInput(state.Conversation, pending.FirstMessageId, pending.FirstMessageId,
                    pending.LatestMessageId, pending.DelaySeconds, runtime.UtcNow, pending.Distress));
            outcome = result.Outcome;
        }
        catch (WorkflowStepFailedException e)
        {
            // The instance must survive: a failed delivery ends this burst, the conversation goes on.
            log.LogWarning("Conversation {InstanceId}: delivery for reply {ReplyId} failed ({ErrorType})",
                runtime.InstanceId, pending.FirstMessageId, e.ErrorType);
            outcome = DeliveryOutcome.Failed;
        }

        log.LogInformation("Conversation {InstanceId}: reply {ReplyId} ended {Outcome} after {DelaySeconds:F0} s",
            runtime.InstanceId, pending.FirstMessageId, outcome, pending.DelaySeconds);
        return state with
        {
            Pending = null,
            DeliverDue = false,
            RepliesPosted = state.RepliesPosted + (outcome == DeliveryOutcome.Posted ? 1 : 0),
            // After a distress alert the conversation is the mentor's: no AI reply until they have written in it.
            AwaitingMentor = state.AwaitingMentor || outcome == DeliveryOutcome.Escalated,
        };
    }

    private static async Task<ConversationState> OnMessageAsync(
        IWorkflowRuntime runtime, ConversationState state, ConversationMessage message, ILogger log)
    {
        // Zulip re-sends a message up to 4 times; the recent-id window drops them without a step.
        if (state.HasSeen(message.MessageId))
        {
            log.LogDebug("Conversation {InstanceId}: duplicate message {MessageId} ignored", runtime.InstanceId, message.MessageId);
            return state;
        }

        // A student message that will be owed a reply is recorded and planned in one step (the plan needs the recorded
        // urgency); anything else is only recorded, and the rare owed message the step could not plan is planned apart.
        var planIfOwed = MayOweReply(state, message) ? PlanInput(state, message, state.Pending?.Urgency ?? 0, runtime.UtcNow) : null;
        RecordMessageResult recorded;
        try
        {
            recorded = await runtime.CallStepAsync<RecordMessageInput, RecordMessageResult>(
                StepNames.RecordMessage, new RecordMessageInput(state.Conversation, message, planIfOwed));
        }
        catch (WorkflowStepFailedException e)
        {
            // Learning from one message can be lost; answering the student must not be.
            log.LogWarning("Conversation {InstanceId}: recording message {MessageId} failed ({ErrorType})",
                runtime.InstanceId, message.MessageId, e.ErrorType);
            recorded = new RecordMessageResult(AlreadyCounted: false, Urgency: 0);
        }

        // AlreadyCounted alone does not make a duplicate: a retried record step (Durable runs activities at least once)
        // finds its own earlier write. Only an id older than the whole recent-id window is a late re-send of a message
        // handled long ago.
        var lateResend = recorded.AlreadyCounted && state.IsOlderThanWindow(message.MessageId);
        state = state with { RecentMessageIds = state.WithSeen(message.MessageId) };
        if (lateResend)
            return state;

        return message.Role == ParticipantRole.Mentor
            ? OnMentorMessage(runtime, state, message, log)
            : await OnStudentMessageAsync(runtime, state, message, recorded, log);
    }

    // The conditions under which OnStudentMessageAsync plans, as far as they are known before recording.
    private static bool MayOweReply(ConversationState state, ConversationMessage message) =>
        message.Role == ParticipantRole.Student && !state.HasSeen(message.MessageId) && !state.IsOlderThanWindow(message.MessageId)
        && message.MessageId >= state.LastMentorMessageId && !state.AwaitingMentor && state.Pending?.Distress != true;

    // The burst as it is with this message: a new one, or the pending one joined.
    private static PlanReplyInput PlanInput(ConversationState state, ConversationMessage message, double urgency, DateTimeOffset now) =>
        state.Pending is not { } pending
            ? new PlanReplyInput(state.Conversation, message.MessageId, message.SentAt, message.MessageId, message.SentAt, 1, urgency, now)
            : new PlanReplyInput(
                state.Conversation,
                FirstMessageId: Math.Min(pending.FirstMessageId, message.MessageId),
                FirstMessageAt: Min(pending.FirstMessageAt, message.SentAt),
                LatestMessageId: Math.Max(pending.LatestMessageId, message.MessageId),
                LatestMessageAt: Max(pending.LatestMessageAt, message.SentAt),
                MessagesInBurst: pending.MessagesInBurst + 1,
                Urgency: Math.Max(pending.Urgency, urgency),
                Now: now);

    private static ConversationState OnMentorMessage(
        IWorkflowRuntime runtime, ConversationState state, ConversationMessage message, ILogger log)
    {
        state = state with { LastMentorMessageId = Math.Max(state.LastMentorMessageId, message.MessageId), AwaitingMentor = false };
        // A mentor message older than the burst (delivered late) does not answer it.
        if (state.Pending is { } pending && message.MessageId > pending.FirstMessageId)
        {
            log.LogInformation("Conversation {InstanceId}: mentor answered, reply {ReplyId} stood down",
                runtime.InstanceId, pending.FirstMessageId);
            return state with { Pending = null, DeliverDue = false };
        }
        return state;
    }

    private static async Task<ConversationState> OnStudentMessageAsync(
        IWorkflowRuntime runtime, ConversationState state, ConversationMessage message, RecordMessageResult recorded, ILogger log)
    {
        var (urgency, distress) = (recorded.Urgency, recorded.Distress);
        // The mentor already spoke after this message (it arrived late): nothing is owed for it.
        if (message.MessageId < state.LastMentorMessageId)
            return state;

        var now = runtime.UtcNow;
        var pending = state.Pending;
        if (distress || pending?.Distress == true)
        {
            // Distress: no humanlike delay and no plan: deliver now, and the deliver step alerts a person.
            var first = pending is null ? message.MessageId : Math.Min(pending.FirstMessageId, message.MessageId);
            var firstAt = pending is null ? message.SentAt : Min(pending.FirstMessageAt, message.SentAt);
            var urgent = new PendingReply(first, firstAt, Math.Max(pending?.LatestMessageId ?? 0, message.MessageId),
                pending is null ? message.SentAt : Max(pending.LatestMessageAt, message.SentAt), (pending?.MessagesInBurst ?? 0) + 1,
                1, now, now, Math.Max(0, (now - firstAt).TotalSeconds), Distress: true);
            log.LogWarning("Conversation {InstanceId}: message {MessageId} escalated to a person now", runtime.InstanceId, message.MessageId);
            return state with { Pending = urgent };
        }
        if (state.AwaitingMentor)
        {
            log.LogInformation("Conversation {InstanceId}: no AI reply to {MessageId} until the mentor has written after an alert",
                runtime.InstanceId, message.MessageId);
            return state;
        }

        var input = PlanInput(state, message, urgency, now);

        ReplyPlan plan;
        try
        {
            plan = recorded.Plan ?? await runtime.CallStepAsync<PlanReplyInput, ReplyPlan>(StepNames.PlanReply, input);
        }
        catch (WorkflowStepFailedException e)
        {
            log.LogWarning("Conversation {InstanceId}: planning for message {MessageId} failed ({ErrorType})",
                runtime.InstanceId, message.MessageId, e.ErrorType);
            if (pending is null)
                return state; // no plan, no reply: better silent than at a random time
            plan = new ReplyPlan(pending.DueAt, pending.NotAfter, pending.DelaySeconds);
        }

        // One burst, one limit: later plans may move the reply, never past the burst's NotAfter (first message +
        // MaxDelay). Only quiet hours push that limit out, so the later of the two limits is the burst's.
        var notAfter = pending is null || plan.NotAfter > pending.NotAfter ? plan.NotAfter : pending.NotAfter;
        var due = Max(now, Min(plan.DueAt, notAfter));
        notAfter = Max(notAfter, due); // a step that ran past the limit answers now; the limit never lies before it
        var next = new PendingReply(input.FirstMessageId, input.FirstMessageAt, input.LatestMessageId, input.LatestMessageAt,
            input.MessagesInBurst, input.Urgency, due, notAfter, Math.Max(0, (due - input.LatestMessageAt).TotalSeconds));

        log.LogInformation("Conversation {InstanceId}: reply {ReplyId} due in {Seconds:F0} s ({Count} messages)",
            runtime.InstanceId, next.FirstMessageId, (due - now).TotalSeconds, next.MessagesInBurst);
        return state with { Pending = next };
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
