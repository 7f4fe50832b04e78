using MentorFunctions.Core.Languages.Texts;

namespace MentorFunctions.Core.Replies;

/// <summary>What the bot tells a mentor privately when it does not answer for them, in the mentor's language.</summary>
internal static class ReplyNotices
{
    public static string HumanRequested(string language, string student) =>
        ReplyNoticeTexts.HumanRequested.Format(language, ("student", student));

    public static string Refused(string language, string student, bool byService) =>
        ReplyNoticeTexts.Refused.Format(language, ("student", student),
            ("reason", (byService ? ReplyNoticeTexts.RefusedByService : ReplyNoticeTexts.RefusedNoAnswer).Template(language)));

    /// <summary>The output guard's verdict, by its audit reason (<see cref="Safety.OutputGuard"/>).</summary>
    public static string Withheld(string language, string student, string reason) =>
        ReplyNoticeTexts.Withheld.Format(language, ("student", student), ("why", WhyWithheld(reason).Template(language)));

    public static string Limited(string language, string limit, long allowed) => (limit switch
    {
        ReplyLimiter.StudentHour => ReplyNoticeTexts.LimitStudentHour,
        ReplyLimiter.MentorDay => ReplyNoticeTexts.LimitMentorDay,
        _ => ReplyNoticeTexts.LimitBudget,
    }).Format(language, ("allowed", allowed));

    public static string Draft(string language, string student, long replyId, long draftId, string draft) =>
        ReplyNoticeTexts.Draft.Format(language, ("student", student), ("marker", DraftMarker(replyId)), ("draftId", draftId), ("draft", draft));

    /// <summary>Names the reply in a draft, so a retried step can recognise a draft it already sent (the same in every language).</summary>
    public static string DraftMarker(long replyId) => $"(reply {replyId})";

    private static Languages.LocalText WhyWithheld(string reason) => reason switch
    {
        "guard-too-long" => ReplyNoticeTexts.GuardTooLong,
        "guard-system-prompt" => ReplyNoticeTexts.GuardInstructions,
        "guard-exemplar-copy" => ReplyNoticeTexts.GuardExemplarCopy,
        "guard-claims-human" => ReplyNoticeTexts.GuardClaimsHuman,
        "guard-link" => ReplyNoticeTexts.GuardLink,
        "guard-email" or "guard-phone" => ReplyNoticeTexts.GuardContact,
        _ => ReplyNoticeTexts.GuardOther,
    };
}
