namespace MentorFunctions.Core.Safety;

/// <summary>
/// What the bot tells the mentor and the safeguarding contact when a student may be in distress. It names the student
/// and links the conversation; it never quotes the student or guesses what is wrong.
/// </summary>
internal static class SafeguardingNotices
{
    public static string MentorAlert(string student, string link, long replyId) =>
        $"🚨 **Please look at your conversation with {student} now.** A message there may need you personally. " +
        $"I did not answer it with AI and I will not answer in that conversation until you write there yourself; " +
        $"{student} was sent the programme's support message. [Open the conversation]({link}) {AlertMarker(replyId)}";

    public static string ContactAlert(string student, string mentor) =>
        $"🚨 **Safeguarding alert:** a message from {student} to their mentor {mentor} may need a person's attention now. " +
        $"The mentor has been alerted and no AI reply was sent. Please check in with {mentor}.";

    /// <summary>Names the alert, so a retried step can recognise an alert it already sent.</summary>
    public static string AlertMarker(long replyId) => $"(alert {replyId})";
}
