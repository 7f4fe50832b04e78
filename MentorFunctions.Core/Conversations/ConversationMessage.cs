namespace MentorFunctions.Core.Conversations;

/// <summary>Who wrote a message in a mentor–student conversation.</summary>
public enum ParticipantRole
{
    Student = 0,
    Mentor = 1,
}

/// <summary>
/// One message of a mentor–student conversation, as the intake hands it to the workflow.
/// The content travels with it so the record step needs no extra Zulip call; it is one message, never a history.
/// </summary>
public sealed record ConversationMessage(
    long MessageId,
    long SenderId,
    ParticipantRole Role,
    DateTimeOffset SentAt,
    string Content);

/// <summary>Names of the external events a conversation workflow listens for.</summary>
public static class ConversationEvents
{
    /// <summary>A new message of the conversation (payload: <see cref="ConversationMessage"/>).</summary>
    public const string Message = "message";
}
