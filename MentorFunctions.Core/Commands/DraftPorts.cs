namespace MentorFunctions.Core.Commands;

/// <summary>
/// Posts a mentor-approved or mentor-edited draft into the mentor–student group DM (implemented with the Zulip client).
/// <paramref name="content"/> is final, label included; <paramref name="editedByMentor"/> is for audit. Returns Zulip's message id.
/// </summary>
public interface IDraftPoster
{
    Task<long> PostAsync(string bot, long mentorId, long studentId, string content, bool editedByMentor);
}

/// <summary>Receives a mentor's correction of a draft, so the style profile learns from it (the lead wires it to the style recorder).</summary>
public interface IDraftFeedbackSink
{
    Task OnEditedAsync(string bot, long mentorId, long studentId, string original, string edited, long postedMessageId);
}
