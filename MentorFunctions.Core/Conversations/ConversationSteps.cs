namespace MentorFunctions.Core.Conversations;

// The steps the conversation workflow calls. In Azure each is a Durable activity of the same name; on the virtual
// clock they are called directly. Inputs and outputs are small records of ids and numbers (plus one message).

/// <summary>Names of the workflow's steps; the Functions shell registers one activity per name.</summary>
public static class StepNames
{
    public const string RecordMessage = "RecordMessage";
    public const string PlanReply = "PlanReply";
    public const string DeliverReply = "DeliverReply";
}

/// <summary>
/// Record one message: style features, timing, dedup by message id. <paramref name="PlanIfOwed"/> is set by the workflow
/// for a student message it will owe a reply (the burst as it would be with this message, urgency so far): the step then
/// plans that reply too, so a student message costs one activity, not two. A plan needs the recorded urgency and distress,
/// which is why planning follows recording inside one step.
/// </summary>
public sealed record RecordMessageInput(ConversationKey Conversation, ConversationMessage Message, PlanReplyInput? PlanIfOwed = null);

/// <summary>
/// What recording learned. <paramref name="AlreadyCounted"/> is true when the message id had been recorded before
/// (a Zulip re-send or a retried step). <paramref name="Urgency"/> is 0 (not urgent) to 1 (very urgent), for student
/// messages only. <paramref name="Distress"/> is true when the student message signals distress: the workflow then
/// delivers at once, and the deliver step takes the distress path (no model call). <paramref name="Plan"/> is the reply's
/// plan when the input asked for one and the message is not distress; null otherwise (the workflow then plans itself).
/// </summary>
public sealed record RecordMessageResult(bool AlreadyCounted, double Urgency, bool Distress = false, ReplyPlan? Plan = null);

/// <summary>
/// Plan the reply to a burst of student messages. <paramref name="FirstMessageAt"/> is the first unanswered student
/// message of the burst, <paramref name="LatestMessageId"/> the newest one; <paramref name="Now"/> is the workflow's time.
/// </summary>
public sealed record PlanReplyInput(
    ConversationKey Conversation,
    long FirstMessageId,
    DateTimeOffset FirstMessageAt,
    long LatestMessageId,
    DateTimeOffset LatestMessageAt,
    int MessagesInBurst,
    double Urgency,
    DateTimeOffset Now);

/// <summary>
/// When to answer. <paramref name="DueAt"/> is when the reply should be posted; <paramref name="NotAfter"/> is the latest
/// time any reply to this burst may be posted (first message + the maximum delay), which a later plan never passes.
/// <paramref name="DelaySeconds"/> runs from the burst's latest message, as a learned reply latency does.
/// </summary>
public sealed record ReplyPlan(DateTimeOffset DueAt, DateTimeOffset NotAfter, double DelaySeconds);

/// <summary>
/// Compose and deliver the reply to a burst. <paramref name="ReplyId"/> identifies this pending reply (the first student
/// message id of the burst) so a retried step never posts twice. <paramref name="Distress"/>: a message of the burst
/// signalled distress, so a person is told instead of a reply being written.
/// </summary>
public sealed record DeliverReplyInput(
    ConversationKey Conversation,
    long ReplyId,
    long FirstMessageId,
    long LatestMessageId,
    double DelaySeconds,
    DateTimeOffset Now,
    bool Distress = false);

/// <summary>How a pending reply ended.</summary>
public enum DeliveryOutcome
{
    /// <summary>The AI reply was posted to the conversation.</summary>
    Posted = 0,
    /// <summary>The mentor answered meanwhile (seen in Zulip's history); nothing was posted.</summary>
    MentorAnswered = 1,
    /// <summary>A per-student, per-mentor or organisation limit was reached; the mentor was told.</summary>
    Limited = 2,
    /// <summary>No AI reply by design: the student asked for the human, the model refused, or the answer was empty.</summary>
    Refused = 3,
    /// <summary>The reply could not be produced or posted after retries.</summary>
    Failed = 4,
    /// <summary>Draft mode: the draft went to the mentor privately for send / edit / skip.</summary>
    Drafted = 5,
    /// <summary>The mentor paused the stand-in or set it off.</summary>
    Paused = 6,
    /// <summary>The student seemed in distress: no model call; the mentor was alerted and the student got the configured message.</summary>
    Escalated = 7,
    /// <summary>The output guard held the model's answer back (instructions, copying, human claim, foreign contact, length); the mentor was told.</summary>
    Withheld = 8,
}

/// <summary>The result of <see cref="StepNames.DeliverReply"/>. <paramref name="PostedMessageId"/> is Zulip's id when posted.</summary>
public sealed record DeliverReplyResult(DeliveryOutcome Outcome, long? PostedMessageId);
