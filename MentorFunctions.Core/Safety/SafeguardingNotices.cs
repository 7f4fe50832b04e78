using MentorFunctions.Core.Languages.Texts;

namespace MentorFunctions.Core.Safety;

/// <summary>
/// What the bot tells the mentor and the safeguarding contact when a student may be in distress, in the reader's
/// language (<see cref="SafeguardingTexts"/>). It names the student and links the conversation; it never quotes the
/// student or guesses what is wrong.
/// </summary>
internal static class SafeguardingNotices
{
    public static string MentorAlert(string language, string student, string link, long replyId) =>
        SafeguardingTexts.MentorAlert.Format(language, ("student", student), ("link", link), ("marker", AlertMarker(replyId)));

    public static string ContactAlert(string language, string student, string mentor) =>
        SafeguardingTexts.ContactAlert.Format(language, ("student", student), ("mentor", mentor));

    /// <summary>Names the alert, so a retried step can recognise an alert it already sent (the same in every language).</summary>
    public static string AlertMarker(long replyId) => $"(alert {replyId})";
}
