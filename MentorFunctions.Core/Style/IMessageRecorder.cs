using MentorFunctions.Core.Conversations;

namespace MentorFunctions.Core.Style;

/// <summary>Learns from one message of a mentor–student conversation.</summary>
public interface IMessageRecorder
{
    /// <summary>
    /// Counts the message once: a mentor's message updates their style (mentor and pair scope) and, when a student was
    /// waiting, their reply latency; a student's message marks when the wait began. True when newly counted, false when
    /// this message id had been counted before.
    /// </summary>
    Task<bool> RecordAsync(ConversationKey conversation, ConversationMessage message, CancellationToken ct = default);
}
