using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Languages;
using MentorFunctions.Core.Languages.Texts;
using MentorFunctions.Core.Replies;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Zulip;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Safety;

/// <summary>
/// The distress path of the DeliverReply step: no model call and no AI reply. The mentor is alerted by DM with a link
/// to the conversation (and the configured safeguarding contact, if any), the student gets the organisation's
/// human-written message in their language, and the outcome is audited. Runs whether or not the stand-in is paused:
/// a person must hear about it either way. Safe to retry: each message carries a mark, and is not sent twice.
/// </summary>
public sealed class DistressEscalator(
    IZulipClient zulip,
    IMentorRegistry registry,
    DistressDetector detector,
    ReplyLedger ledger,
    AuditLog audit,
    IOptions<SafeguardingOptions> options,
    IOptions<ZulipOptions> zulipOptions,
    IOptions<ReplyOptions> replyOptions,
    MentorLanguages languages,
    TimeProvider time,
    ILogger<DistressEscalator> logger)
{
    /// <summary>How many of the student's messages tell their language.</summary>
    private const int LanguageSample = 10;

    public async Task<DeliverReplyResult> EscalateAsync(DeliverReplyInput input, MentorRecord? mentor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var conversation = input.Conversation;
        var entry = await ledger.GetAsync(conversation, input.ReplyId, ct).ConfigureAwait(false);
        if (entry is { State: LedgerState.Done, Outcome: { } done })
            return new DeliverReplyResult(done, entry.PostedMessageId);

        var settings = options.Value;
        long mentorId = mentor?.UserId ?? conversation.MentorId;
        long[] group = [mentorId, conversation.StudentId];
        var bot = await zulip.GetOwnUserAsync(conversation.BotEmail, ct).ConfigureAwait(false);
        var history = await zulip.GetDirectMessagesAsync(conversation.BotEmail, group, replyOptions.Value.HistoryMessages, ct).ConfigureAwait(false);
        var fromStudent = history.Where(m => m.SenderId == conversation.StudentId).ToList();
        var burst = fromStudent.Where(m => m.Id >= input.FirstMessageId && m.Id <= input.LatestMessageId).ToList();
        var assessment = burst.Select(m => detector.Assess(m.Content)).FirstOrDefault(a => a.IsDistress) ?? DistressAssessment.None;
        var language = LanguageDetector.Detect(fromStudent.TakeLast(LanguageSample).Select(m => m.Content))
            ?? assessment.Language ?? settings.DefaultLanguage;

        var pair = await registry.GetPairAsync(conversation.BotEmail, mentorId, conversation.StudentId, ct).ConfigureAwait(false);
        string Student(string lang) => pair is null
            ? SafeguardingTexts.UnnamedStudent.Format(lang, ("id", conversation.StudentId))
            : $"@_**{pair.StudentFullName}|{conversation.StudentId}**";
        var site = zulipOptions.Value.FindBot(conversation.BotEmail)?.Site;
        string Link(string lang) => site is null
            ? SafeguardingTexts.NoLink.Template(lang)
            : ZulipLinks.GroupDirectMessage(site, [mentorId, conversation.StudentId, bot.UserId], input.LatestMessageId);

        // The mentor first: telling a person is the point. In the mentor's language (their setting, their learned
        // writing, or their messages here), and in the organisation's default language for an unregistered one.
        var mentorLanguage = await languages.ForAsync(conversation.BotEmail, mentorId, mentor?.Language,
            history.Where(m => m.SenderId == mentorId).TakeLast(LanguageSample).Select(m => m.Content), settings.DefaultLanguage, ct).ConfigureAwait(false);
        var alerted = await SendOnceAsync(conversation.BotEmail, [mentorId],
            SafeguardingNotices.MentorAlert(mentorLanguage, Student(mentorLanguage), Link(mentorLanguage), input.ReplyId),
            SafeguardingNotices.AlertMarker(input.ReplyId), ct).ConfigureAwait(false);
        if (settings.ContactFor(conversation.BotEmail) is { } contact && contact != mentorId)
        {
            // The contact reads their own language when they are a registered mentor too, else the organisation's default.
            var contactRecord = await registry.GetMentorAsync(conversation.BotEmail, contact, ct).ConfigureAwait(false);
            var contactLanguage = contactRecord is null
                ? Language.Known(settings.DefaultLanguage) ?? Language.Default
                : await languages.ForAsync(contactRecord, null, ct).ConfigureAwait(false);
            var mentorName = mentor is null ? SafeguardingTexts.UnregisteredMentor.Template(contactLanguage) : $"@_**{mentor.FullName}|{mentor.UserId}**";
            await SendOnceAsync(conversation.BotEmail, [contact],
                SafeguardingNotices.ContactAlert(contactLanguage, Student(contactLanguage), mentorName) + " " + SafeguardingNotices.AlertMarker(input.ReplyId),
                SafeguardingNotices.AlertMarker(input.ReplyId), ct).ConfigureAwait(false);
        }

        var text = settings.StudentMessageFor(conversation.BotEmail, language);
        long? posted = history.FirstOrDefault(m => m.SenderId == bot.UserId && m.Id > input.LatestMessageId && m.Content == text)?.Id;
        if (posted is null)
        {
            try
            {
                posted = await zulip.SendDirectMessageAsync(conversation.BotEmail, group, text, ct).ConfigureAwait(false);
            }
            catch (ZulipApiException e)
            {
                logger.LogError("Support message for reply {ReplyId} of {Instance} refused: {Status} {Code}", input.ReplyId, conversation.InstanceId, (int)e.Status, e.Code);
            }
        }
        if (!alerted)
            logger.LogError("Distress alert for reply {ReplyId} of {Instance} could not reach the mentor", input.ReplyId, conversation.InstanceId);

        var reason = assessment.IsDistress ? assessment.AuditReason : "distress";
        var ended = new ReplyLedgerEntry(conversation, input.ReplyId, LedgerState.Done, null, DeliveryOutcome.Escalated, posted, 0, 0, 0, entry?.ETag);
        await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), conversation, input.ReplyId, DeliveryOutcome.Escalated, reason, 0, 0, 0,
            input.DelaySeconds, posted), ct).ConfigureAwait(false);
        await ledger.SaveAsync(ended, ct).ConfigureAwait(false);
        logger.LogWarning("Reply {ReplyId} of {Instance} escalated to a person ({Reason}, language {Language})", input.ReplyId, conversation.InstanceId, reason, language);
        return new DeliverReplyResult(DeliveryOutcome.Escalated, posted);
    }

    /// <summary>Sends a 1:1 notice unless an earlier attempt of this step already did (found by its mark).</summary>
    private async Task<bool> SendOnceAsync(string botEmail, long[] to, string text, string marker, CancellationToken ct)
    {
        try
        {
            var recent = await zulip.GetDirectMessagesAsync(botEmail, to, 20, ct).ConfigureAwait(false);
            if (recent.Any(m => m.Content.Contains(marker, StringComparison.Ordinal)))
                return true;
            await zulip.SendDirectMessageAsync(botEmail, to, text, ct).ConfigureAwait(false);
            return true;
        }
        catch (ZulipApiException e)
        {
            logger.LogError("Distress alert to user {UserId} refused: {Status} {Code}", to[0], (int)e.Status, e.Code);
            return false;
        }
    }
}
