using MentorFunctions.Core.Conversations;

namespace MentorFunctions.Core.Intake;

/// <summary>What the intake made of one webhook call.</summary>
public enum IntakeKind
{
    /// <summary>A message of a mentor–student group DM: the shell hands it to the conversation's workflow.</summary>
    Conversation = 0,
    /// <summary>A 1:1 DM to the bot or a channel mention: answered at once by the command handler.</summary>
    Command = 1,
    /// <summary>A valid message the bot has no business with; <see cref="WebhookOutcome.IgnoreReason"/> says why.</summary>
    Ignored = 2,
    /// <summary>Bad input or failed authentication; <see cref="WebhookOutcome.Error"/> says what.</summary>
    Rejected = 3,
}

/// <summary>Why a valid message was ignored (logged, so nothing is dropped silently).</summary>
public enum IgnoreReason
{
    /// <summary>A <c>trigger</c> this version does not know.</summary>
    UnknownTrigger = 0,
    /// <summary>A message <c>type</c> this version does not know.</summary>
    UnknownMessageType = 1,
    /// <summary>Sent by the bot itself (Zulip does not do this; guarded against loops anyway).</summary>
    OwnMessage = 2,
    /// <summary>The bot is not among the DM's participants.</summary>
    BotNotParticipant = 3,
    /// <summary>The sender is not among the DM's participants.</summary>
    SenderNotParticipant = 4,
    /// <summary>A group DM of more than the bot and two humans.</summary>
    TooManyParticipants = 5,
    /// <summary>A group DM in which neither human is a registered mentor.</summary>
    NoMentor = 6,
    /// <summary>A mentor and someone who is not (yet) their student: the mentor has not consented; they were asked.</summary>
    PairNotEnrolled = 7,
    /// <summary>Two registered mentors with no pair between them.</summary>
    BothMentorsUnpaired = 8,
    /// <summary>The mentor declined this student.</summary>
    MentorDeclined = 9,
    /// <summary>The other participant is a bot (or unknown to Zulip): never enrolled.</summary>
    NotAHuman = 10,
}

/// <summary>The machine-readable error codes the intake answers with.</summary>
public enum IntakeErrorCode
{
    BadJson = 0,
    MissingField = 1,
    BadField = 2,
    TooLarge = 3,
    BadContentType = 4,
    Unauthorized = 5,
    /// <summary>Storage or Durable could not be reached: the message was not accepted, and Zulip shows the failure.</summary>
    Unavailable = 6,
}

/// <summary>A rejected request: a code, the field at fault (when there is one) and a message naming it. Never holds input values.</summary>
public sealed record IntakeError(IntakeErrorCode Code, string Message, string? Field = null)
{
    /// <summary>The code as it appears in the response body, e.g. "MISSING_FIELD".</summary>
    public string CodeText => Code switch
    {
        IntakeErrorCode.BadJson => "BAD_JSON",
        IntakeErrorCode.MissingField => "MISSING_FIELD",
        IntakeErrorCode.BadField => "BAD_FIELD",
        IntakeErrorCode.TooLarge => "TOO_LARGE",
        IntakeErrorCode.BadContentType => "BAD_CONTENT_TYPE",
        IntakeErrorCode.Unauthorized => "UNAUTHORIZED",
        IntakeErrorCode.Unavailable => "UNAVAILABLE",
        _ => "ERROR",
    };

    /// <summary>The HTTP status that goes with the code.</summary>
    public int StatusCode => Code switch
    {
        IntakeErrorCode.TooLarge => 413,
        IntakeErrorCode.BadContentType => 415,
        IntakeErrorCode.Unauthorized => 401,
        IntakeErrorCode.Unavailable => 503,
        _ => 400,
    };
}

/// <summary>
/// The intake's verdict. The shell answers <see cref="StatusCode"/> with <see cref="ResponseJson"/> (content type
/// application/json) and, for <see cref="IntakeKind.Conversation"/>, passes <see cref="Conversation"/> and
/// <see cref="Message"/> to the conversation's workflow.
/// </summary>
public sealed record WebhookOutcome
{
    /// <summary>The body that tells Zulip to post nothing.</summary>
    public const string NoResponseJson = """{"response_not_required":true}""";

    public required int StatusCode { get; init; }
    public required string ResponseJson { get; init; }
    public required IntakeKind Kind { get; init; }
    public ConversationKey? Conversation { get; init; }
    public ConversationMessage? Message { get; init; }
    public IntakeError? Error { get; init; }
    public IgnoreReason? IgnoreReason { get; init; }
    /// <summary>Zulip's message id, when the payload got far enough to have one (for logs and dedup).</summary>
    public long? MessageId { get; init; }

    /// <summary>A rejection: the error's status with <c>{"result":"error","code":...,"msg":...}</c>.</summary>
    public static WebhookOutcome Rejected(IntakeError error, long? messageId = null) => new()
    {
        StatusCode = error.StatusCode,
        ResponseJson = System.Text.Json.JsonSerializer.Serialize(
            new WebhookErrorBody("error", error.CodeText, error.Message), IntakeJsonContext.Default.WebhookErrorBody),
        Kind = IntakeKind.Rejected,
        Error = error,
        MessageId = messageId,
    };

    /// <summary>
    /// A dependency (storage, Durable) failed: 503 with a typed error rather than a 200 that would lose the message.
    /// Zulip shows the failure in the conversation and tells the bot's owner.
    /// </summary>
    public static WebhookOutcome Unavailable(string message, long? messageId = null) =>
        Rejected(new IntakeError(IntakeErrorCode.Unavailable, message), messageId);
}
