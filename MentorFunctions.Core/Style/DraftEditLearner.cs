using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Conversations;

namespace MentorFunctions.Core.Style;

/// <summary>
/// A mentor's rewrite of a draft is the best style signal there is: it is learned as the mentor's own message. Messages
/// the bot posts never come back through the webhook, so without this the profile would never see the mentor's edit.
/// </summary>
public sealed class DraftEditLearner(IMessageRecorder recorder, TimeProvider time) : IDraftFeedbackSink
{
    public Task OnEditedAsync(string bot, long mentorId, long studentId, string original, string edited, long postedMessageId) =>
        recorder.RecordAsync(
            new ConversationKey(bot, mentorId, studentId),
            new ConversationMessage(postedMessageId, mentorId, ParticipantRole.Mentor, time.GetUtcNow(), edited));
}
