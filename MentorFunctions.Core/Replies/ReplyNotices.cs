namespace MentorFunctions.Core.Replies;

/// <summary>What the bot tells a mentor privately when it does not answer for them.</summary>
internal static class ReplyNotices
{
    public static string HumanRequested(string student) =>
        $"🙋 {student} asked for you in person, so I did not answer for you. Please reply yourself when you can.";

    public static string Refused(string student, string reason) =>
        $"⚠️ I could not write a reply to {student} ({reason}). Please answer yourself when you can.";

    public static string Withheld(string student, string why) =>
        $"🛡️ I did not send the AI reply to {student}: it {why}. Please answer yourself when you can.";

    public static string Limited(string limit, long allowed) => limit switch
    {
        ReplyLimiter.StudentHour => $"⏸️ AI replies to one of your students reached the limit of {allowed} this hour; I will not answer for you until the next hour.",
        ReplyLimiter.MentorDay => $"⏸️ AI replies for you reached today's limit of {allowed}; I will not answer for you again today.",
        _ => "⏸️ The organisation's AI budget for today is used up; I will not answer for you again today.",
    };

    public static string Draft(string student, long replyId, long draftId, string draft) =>
        $"📝 Draft {draftId} for {student} {DraftMarker(replyId)}: answer `send {draftId}`, `edit {draftId} <your text>` or `skip {draftId}`.\n\n{draft}";

    /// <summary>Names the reply in a draft, so a retried step can recognise a draft it already sent.</summary>
    public static string DraftMarker(long replyId) => $"(reply {replyId})";
}
