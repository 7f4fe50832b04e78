using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Timing;

namespace MentorFunctions.Tests.Conversations;

/// <summary>
/// Steps as the lead's real ones behave, minus I/O: dedup by message id, urgency from the real scorer, plans from the
/// real <see cref="DelayPlanner"/>, and deliveries recorded (idempotent by reply id). Failures can be injected.
/// </summary>
internal sealed class InMemoryConversationSteps(DelayPlanner planner, TimingSnapshot timing) : IConversationSteps
{
    private readonly HashSet<long> _recorded = [];
    private readonly UrgencyScorer _urgency = new();

    public List<long> Recorded { get; } = [];

    /// <summary>As if an earlier attempt of the record step had committed this message before failing.</summary>
    public void MarkRecorded(long messageId) => _recorded.Add(messageId);
    public List<PlanReplyInput> Plans { get; } = [];
    public List<(DeliverReplyInput Input, DateTimeOffset At)> Deliveries { get; } = [];
    public int RecordCalls { get; private set; }
    public int DeliverCalls { get; private set; }

    /// <summary>The next N calls of a step throw this exception (then succeed).</summary>
    public Dictionary<string, Queue<Exception>> Failures { get; } = [];

    /// <summary>The virtual time a delivery happened; the host sets it through <see cref="Clock"/>.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.MinValue;

    public Task<RecordMessageResult> RecordAsync(RecordMessageInput input, CancellationToken cancellationToken = default)
    {
        RecordCalls++;
        ThrowIfInjected(StepNames.RecordMessage);
        var first = _recorded.Add(input.Message.MessageId);
        if (first)
            Recorded.Add(input.Message.MessageId);
        var urgency = input.Message.Role == ParticipantRole.Student ? _urgency.Score(input.Message.Content) : 0;
        // As the real step: a student message the workflow will owe a reply is planned in the same step.
        var plan = input.PlanIfOwed is { } owed && input.Message.Role == ParticipantRole.Student
            ? Plan(owed with { Urgency = Math.Max(owed.Urgency, urgency) })
            : null;
        return Task.FromResult(new RecordMessageResult(!first, urgency, Plan: plan));
    }

    public Task<ReplyPlan> PlanReplyAsync(PlanReplyInput input, CancellationToken cancellationToken = default)
    {
        PlanCalls++;
        return Task.FromResult(Plan(input));
    }

    /// <summary>Calls of the separate plan step (a student message is normally planned inside its record step).</summary>
    public int PlanCalls { get; private set; }

    private ReplyPlan Plan(PlanReplyInput input)
    {
        ThrowIfInjected(StepNames.PlanReply);
        Plans.Add(input);
        return planner.Plan(timing, input);
    }

    public Task<DeliverReplyResult> DeliverReplyAsync(DeliverReplyInput input, CancellationToken cancellationToken = default)
    {
        DeliverCalls++;
        ThrowIfInjected(StepNames.DeliverReply);
        if (Deliveries.Any(d => d.Input.ReplyId == input.ReplyId))
            return Task.FromResult(new DeliverReplyResult(DeliveryOutcome.Posted, input.ReplyId + 1_000_000));
        Deliveries.Add((input, Clock()));
        return Task.FromResult(new DeliverReplyResult(DeliveryOutcome.Posted, input.ReplyId + 1_000_000));
    }

    private void ThrowIfInjected(string step)
    {
        if (Failures.TryGetValue(step, out var queue) && queue.TryDequeue(out var e))
            throw e;
    }
}
