using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Languages;
using MentorFunctions.Core.Languages.Texts;
using MentorFunctions.Core.Llm;
using MentorFunctions.Core.Safety;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Zulip;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Replies;

/// <summary>
/// The DeliverReply step: checks that a reply is still wanted and allowed, writes it with one model call, labels it,
/// and posts it to the group DM exactly once, even when the step is retried (see <see cref="ReplyLedger"/>).
/// Transient failures (Zulip or model 429/5xx/timeouts, storage conflicts) surface as <see cref="TransientStepException"/>.
/// </summary>
public sealed class ReplyDeliverer(
    IMentorRegistry registry,
    IStyleProfileReader styles,
    IZulipClient zulip,
    IChatModel model,
    PromptBuilder prompts,
    ReplyLimiter limiter,
    ReplyLedger ledger,
    AuditLog audit,
    DraftStore drafts,
    DistressDetector distress,
    DistressEscalator escalator,
    OutputGuard guard,
    MentorLanguages mentorLanguages,
    IOptions<ReplyOptions> replyOptions,
    IOptions<LlmOptions> llmOptions,
    TimeProvider time,
    ILogger<ReplyDeliverer> logger)
{
    /// <summary>How many of the newest messages the re-check just before posting reads.</summary>
    private const int RecheckMessages = 5;

    /// <summary>How many of the newest messages of a person tell their language (as the prompt's instruction does).</summary>
    private const int LanguageSample = 10;

    public async Task<DeliverReplyResult> DeliverAsync(DeliverReplyInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var conversation = input.Conversation;
        var options = replyOptions.Value;

        var mentor = await registry.GetMentorAsync(conversation.BotEmail, conversation.MentorId, ct).ConfigureAwait(false);
        // Distress goes to a person even when the stand-in is paused, off, or the mentor not (or no longer) registered.
        if (input.Distress)
            return await escalator.EscalateAsync(input, mentor, ct).ConfigureAwait(false);
        if (mentor is null || mentor.Mode == ReplyMode.Off || mentor.PausedUntil > input.Now)
        {
            await AuditAsync(input, DeliveryOutcome.Paused, mentor is null ? "not-registered" : "paused", null, null, ct).ConfigureAwait(false);
            return new DeliverReplyResult(DeliveryOutcome.Paused, null);
        }
        // The pair may have been removed (an admin, or the student's `forget`) while the reply waited on its timer.
        if (await registry.GetPairAsync(conversation.BotEmail, conversation.MentorId, conversation.StudentId, ct).ConfigureAwait(false)
            is null or { Source: EnrolmentSource.Unconsented })
        {
            await AuditAsync(input, DeliveryOutcome.Paused, "not-paired", null, null, ct).ConfigureAwait(false);
            return new DeliverReplyResult(DeliveryOutcome.Paused, null);
        }

        var entry = await ledger.GetAsync(conversation, input.ReplyId, ct).ConfigureAwait(false);
        if (entry is { State: LedgerState.Done, Outcome: { } done })
        {
            logger.LogInformation("Reply {ReplyId} of {Instance} already ended {Outcome}", input.ReplyId, conversation.InstanceId, done);
            return new DeliverReplyResult(done, entry.PostedMessageId);
        }

        var draft = mentor.Mode == ReplyMode.Draft;
        long[] group = [mentor.UserId, conversation.StudentId];
        long[] target = draft ? [mentor.UserId] : group;
        var bot = await zulip.GetOwnUserAsync(conversation.BotEmail, ct).ConfigureAwait(false);
        var history = await zulip.GetDirectMessagesAsync(conversation.BotEmail, group, options.HistoryMessages, ct).ConfigureAwait(false);

        if (entry is { State: LedgerState.Posting })
        {
            // The last attempt may have posted before failing: look for our message before posting again.
            var seen = draft ? await zulip.GetDirectMessagesAsync(conversation.BotEmail, target, 20, ct).ConfigureAwait(false) : history;
            // In the mentor's 1:1 DM other notices may follow the draft: only the draft of this reply counts.
            var posted = seen.FirstOrDefault(m => m.SenderId == bot.UserId && m.Id > input.LatestMessageId
                && (!draft || m.Content.Contains(ReplyNotices.DraftMarker(input.ReplyId), StringComparison.Ordinal)));
            if (posted is not null)
            {
                logger.LogInformation("Reply {ReplyId} of {Instance} was posted by an earlier attempt as {MessageId}", input.ReplyId, conversation.InstanceId, posted.Id);
                return await FinishPostedAsync(input, entry, draft, posted.Id, ct).ConfigureAwait(false);
            }
        }

        if (history.Any(m => m.SenderId == mentor.UserId && m.Id > input.FirstMessageId))
            return await EndAsync(input, entry, DeliveryOutcome.MentorAnswered, "mentor-answered", ct).ConfigureAwait(false);

        var studentName = await StudentNameAsync(conversation, ct).ConfigureAwait(false);
        var burst = history.Where(m => m.SenderId == conversation.StudentId && m.Id >= input.FirstMessageId && m.Id <= input.LatestMessageId);
        // Checked again on the burst as Zulip holds it: the record step's flag may have been lost to a failed step.
        if (burst.Any(m => distress.IsDistress(m.Content)))
            return await escalator.EscalateAsync(input, mentor, ct).ConfigureAwait(false);
        if (burst.Any(m => HumanRequestDetector.IsHumanRequest(m.Content, mentor.FullName)))
        {
            await TellMentorAsync(conversation, mentor, history, language => ReplyNotices.HumanRequested(language, Named(studentName, language)), ct).ConfigureAwait(false);
            return await EndAsync(input, entry, DeliveryOutcome.Refused, "human-requested", ct).ConfigureAwait(false);
        }

        if (entry?.Content is null)
        {
            var hit = await limiter.CheckAsync(conversation, input.Now, ct).ConfigureAwait(false);
            if (hit is not null)
            {
                if (await limiter.ShouldNotifyAsync(conversation, hit, ct).ConfigureAwait(false))
                    await TellMentorAsync(conversation, mentor, history, language => ReplyNotices.Limited(language, hit.Limit, hit.Allowed), ct).ConfigureAwait(false);
                return await EndAsync(input, entry, DeliveryOutcome.Limited, hit.Limit, ct).ConfigureAwait(false);
            }
            entry = await ComposeAsync(input, entry, mentor, bot, history, draft ? null : group, ct).ConfigureAwait(false);
            if (entry is { State: LedgerState.Done, Outcome: DeliveryOutcome.Withheld })
                return new DeliverReplyResult(DeliveryOutcome.Withheld, null); // the guard has told the mentor
            if (entry.State == LedgerState.Done)
            {
                var byService = entry.Outcome != DeliveryOutcome.Refused;
                await TellMentorAsync(conversation, mentor, history, language => ReplyNotices.Refused(language, Named(studentName, language), byService), ct).ConfigureAwait(false);
                return new DeliverReplyResult(entry.Outcome ?? DeliveryOutcome.Refused, null);
            }
        }

        var content = entry!.Content!;
        if (draft)
        {
            // The mentor's send / edit / skip finds the draft in the draft inbox, without the AI label: what the mentor
            // approves is labelled by the draft flow, and their edits are their own words.
            var text = ReplyComposer.StripDisclosure(content, options.DisclosuresOf(mentor.FullName));
            // A retried step finds the draft its earlier attempt saved, rather than filing a second copy.
            var saved = await drafts.ListAsync(conversation.BotEmail, conversation.MentorId, ct).ConfigureAwait(false);
            var pending = saved.FirstOrDefault(d => d.StudentId == conversation.StudentId && d.Text == text)
                ?? await drafts.SaveAsync(conversation.BotEmail, conversation.MentorId, conversation.StudentId, text, ct).ConfigureAwait(false);
            var language = await MentorLanguageAsync(mentor, history, ct).ConfigureAwait(false);
            content = Fit(ReplyNotices.Draft(language, Named(studentName, language), input.ReplyId, pending.DraftId, text), options.MaxMessageLength);
        }
        // The model call can take many seconds: look again, just before posting, for the mentor's own answer (newest
        // few messages only). Skipped on a retry that already reached Posting: the check above has run for it.
        if (entry.State != LedgerState.Posting)
        {
            var newest = await zulip.GetDirectMessagesAsync(conversation.BotEmail, group, RecheckMessages, ct).ConfigureAwait(false);
            if (newest.Any(m => m.SenderId == mentor.UserId && m.Id > input.FirstMessageId))
            {
                if (!draft)
                    await zulip.SetTypingAsync(conversation.BotEmail, group, TypingOperation.Stop, CancellationToken.None).ConfigureAwait(false);
                return await EndAsync(input, entry, DeliveryOutcome.MentorAnswered, "mentor-answered", ct).ConfigureAwait(false);
            }
        }
        entry = await ledger.SaveAsync(entry with { State = LedgerState.Posting }, ct).ConfigureAwait(false);
        long messageId;
        try
        {
            messageId = await zulip.SendDirectMessageAsync(conversation.BotEmail, target, content, ct).ConfigureAwait(false);
        }
        catch (ZulipApiException e)
        {
            logger.LogWarning("Zulip refused reply {ReplyId} of {Instance}: {Status} {Code}", input.ReplyId, conversation.InstanceId, (int)e.Status, e.Code);
            return await EndAsync(input, entry, DeliveryOutcome.Failed, "zulip-" + e.Code, ct).ConfigureAwait(false);
        }
        finally
        {
            if (!draft)
                await zulip.SetTypingAsync(conversation.BotEmail, group, TypingOperation.Stop, CancellationToken.None).ConfigureAwait(false);
        }
        return await FinishPostedAsync(input, entry, draft, messageId, ct).ConfigureAwait(false);
    }

    /// <summary>The one model call: prompt, completion, token count; a ledger entry in Composed (or Done when refused).</summary>
    private async Task<ReplyLedgerEntry> ComposeAsync(
        DeliverReplyInput input, ReplyLedgerEntry? entry, MentorRecord mentor, ZulipUser bot, IReadOnlyList<ZulipMessage> history,
        long[]? typingTo, CancellationToken ct)
    {
        var conversation = input.Conversation;
        var options = replyOptions.Value;
        if (typingTo is not null)
            await zulip.SetTypingAsync(conversation.BotEmail, typingTo, TypingOperation.Start, ct).ConfigureAwait(false);

        var style = await styles.ReadForReplyAsync(conversation, ct).ConfigureAwait(false);
        // The label in the student's language, told from their recent messages as the prompt's language instruction is.
        var studentLanguage = LanguageDetector.Detect(history.Where(m => m.SenderId == conversation.StudentId)
            .OrderByDescending(m => m.Id).Take(LanguageSample).Select(m => m.Content));
        var disclosure = ReplyComposer.Disclosure(options.DisclosureTemplateFor(studentLanguage ?? Language.Default), mentor.FullName);
        var earlierDisclosures = options.DisclosuresOf(mentor.FullName);
        var messages = history
            .Where(m => m.SenderId == conversation.StudentId || m.SenderId == mentor.UserId || m.SenderId == bot.UserId)
            .Select(m => new ConversationMessage(
                m.Id, m.SenderId,
                m.SenderId == conversation.StudentId ? ParticipantRole.Student : ParticipantRole.Mentor,
                DateTimeOffset.FromUnixTimeSeconds(m.Timestamp),
                m.SenderId == bot.UserId ? ReplyComposer.StripDisclosure(m.Content, earlierDisclosures) : m.Content))
            .ToList();
        var prompt = prompts.Build(style, mentor, messages);
        logger.LogInformation("Prompt for reply {ReplyId} of {Instance}: {Turns} turns, {Messages} messages, ~{Tokens} tokens",
            input.ReplyId, conversation.InstanceId, prompt.Turns.Count, prompt.HistoryMessagesUsed, prompt.EstimatedTokens);

        ChatCompletion completion;
        try
        {
            completion = await model.CompleteAsync(prompt.Turns, llmOptions.Value.MaxOutputTokens, ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (typingTo is not null)
                await zulip.SetTypingAsync(conversation.BotEmail, typingTo, TypingOperation.Stop, CancellationToken.None).ConfigureAwait(false);
            if (e is not ChatModelException refusedRequest)
                throw;
            // A final 4xx from the model (not the filter): retrying would fail the same way.
            logger.LogWarning("Chat model refused reply {ReplyId} of {Instance}: {Status} {Code}", input.ReplyId, conversation.InstanceId, refusedRequest.Status, refusedRequest.Code);
            var failed = await ledger.SaveAsync(new ReplyLedgerEntry(conversation, input.ReplyId, LedgerState.Done, null, DeliveryOutcome.Failed,
                null, 0, 0, style.ProfileVersion, entry?.ETag), ct).ConfigureAwait(false);
            await AuditAsync(input, DeliveryOutcome.Failed, "model-" + (refusedRequest.Code ?? refusedRequest.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)), failed, null, ct).ConfigureAwait(false);
            return failed;
        }
        await limiter.CountTokensAsync(conversation, input.Now, completion.TotalTokens, ct).ConfigureAwait(false);

        var composed = new ReplyLedgerEntry(conversation, input.ReplyId, LedgerState.Composed, null, null, null,
            completion.PromptTokens, completion.CompletionTokens, style.ProfileVersion, entry?.ETag);
        if (completion.ContentFiltered || string.IsNullOrWhiteSpace(completion.Text))
        {
            if (typingTo is not null)
                await zulip.SetTypingAsync(conversation.BotEmail, typingTo, TypingOperation.Stop, CancellationToken.None).ConfigureAwait(false);
            var reason = completion.ContentFiltered ? "content-filter" : "empty-answer";
            var refused = await ledger.SaveAsync(composed with { State = LedgerState.Done, Outcome = DeliveryOutcome.Refused, Content = null }, ct).ConfigureAwait(false);
            await AuditAsync(input, DeliveryOutcome.Refused, reason, refused, null, ct).ConfigureAwait(false);
            return refused;
        }
        if (await WithholdAsync(input, composed, mentor, history, completion.Text, prompt, style, disclosure, typingTo, ct).ConfigureAwait(false) is { } withheld)
            return withheld;
        var content = ReplyComposer.Compose(completion.Text, disclosure, options.MaxMessageLength);
        return await ledger.SaveAsync(composed with { Content = content }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The output guard, before anything is posted or drafted: an answer that leaks the instructions, copies an
    /// exemplar, claims to be human, carries foreign links or contacts, or runs too long is withheld, audited, and the
    /// mentor told why (never what it said).
    /// </summary>
    private async Task<ReplyLedgerEntry?> WithholdAsync(DeliverReplyInput input, ReplyLedgerEntry composed, MentorRecord mentor,
        IReadOnlyList<ZulipMessage> history, string answer,
        ReplyPrompt prompt, StyleSnapshot style, string disclosure, long[]? typingTo, CancellationToken ct)
    {
        var options = replyOptions.Value;
        var limit = Math.Min(options.MaxReplyChars, options.MaxMessageLength - disclosure.Length - 2);
        if (guard.Check(answer, prompt.Turns, style.Exemplars, mentor.FullName, limit) is not { } violation)
            return null;
        var conversation = input.Conversation;
        if (typingTo is not null)
            await zulip.SetTypingAsync(conversation.BotEmail, typingTo, TypingOperation.Stop, CancellationToken.None).ConfigureAwait(false);
        logger.LogWarning("Reply {ReplyId} of {Instance} withheld by the output guard ({Reason})", input.ReplyId, conversation.InstanceId, violation.Reason);
        var withheld = await ledger.SaveAsync(composed with { State = LedgerState.Done, Outcome = DeliveryOutcome.Withheld }, ct).ConfigureAwait(false);
        await AuditAsync(input, DeliveryOutcome.Withheld, violation.Reason, withheld, null, ct).ConfigureAwait(false);
        var student = await StudentNameAsync(conversation, ct).ConfigureAwait(false);
        await TellMentorAsync(conversation, mentor, history, language => ReplyNotices.Withheld(language, Named(student, language), violation.Reason), ct).ConfigureAwait(false);
        return withheld;
    }

    private async Task<DeliverReplyResult> FinishPostedAsync(DeliverReplyInput input, ReplyLedgerEntry entry, bool draft, long messageId, CancellationToken ct)
    {
        var outcome = draft ? DeliveryOutcome.Drafted : DeliveryOutcome.Posted;
        var content = entry.Content;
        // Count and audit before the ledger says Done: a retry after Done returns early, so anything left for after
        // it would be lost; a retry before it counts once more, which only errs on the side of fewer replies.
        await limiter.CountReplyAsync(input.Conversation, input.Now, ct).ConfigureAwait(false);
        await AuditAsync(input, outcome, null, entry, messageId, ct, content).ConfigureAwait(false);
        await ledger.SaveAsync(entry with { State = LedgerState.Done, Outcome = outcome, PostedMessageId = messageId, Content = null }, ct).ConfigureAwait(false);
        logger.LogInformation("Reply {ReplyId} of {Instance} {Outcome} as message {MessageId}", input.ReplyId, input.Conversation.InstanceId, outcome, messageId);
        return new DeliverReplyResult(outcome, messageId);
    }

    private async Task<DeliverReplyResult> EndAsync(DeliverReplyInput input, ReplyLedgerEntry? entry, DeliveryOutcome outcome, string reason, CancellationToken ct)
    {
        var ended = new ReplyLedgerEntry(input.Conversation, input.ReplyId, LedgerState.Done, null, outcome, null,
            entry?.PromptTokens ?? 0, entry?.CompletionTokens ?? 0, entry?.ProfileVersion ?? 0, entry?.ETag);
        await AuditAsync(input, outcome, reason, ended, null, ct).ConfigureAwait(false);
        await ledger.SaveAsync(ended, ct).ConfigureAwait(false);
        logger.LogInformation("Reply {ReplyId} of {Instance} ended {Outcome} ({Reason})", input.ReplyId, input.Conversation.InstanceId, outcome, reason);
        return new DeliverReplyResult(outcome, null);
    }

    private Task AuditAsync(DeliverReplyInput input, DeliveryOutcome outcome, string? reason, ReplyLedgerEntry? entry, long? messageId,
        CancellationToken ct, string? content = null) =>
        audit.RecordAsync(new AuditEntry(
            time.GetUtcNow(), input.Conversation, input.ReplyId, outcome, reason,
            entry?.ProfileVersion ?? 0, entry?.PromptTokens ?? 0, entry?.CompletionTokens ?? 0, input.DelaySeconds, messageId,
            replyOptions.Value.AuditIncludeContent ? content : null), ct);

    /// <summary>The student as a silent mention, or null when the pair record is gone.</summary>
    private async Task<string?> StudentNameAsync(ConversationKey conversation, CancellationToken ct)
    {
        var pair = await registry.GetPairAsync(conversation.BotEmail, conversation.MentorId, conversation.StudentId, ct).ConfigureAwait(false);
        // A Zulip silent mention by name and id renders as the student's name for the mentor.
        return pair is null ? null : $"@_**{pair.StudentFullName}|{conversation.StudentId}**";
    }

    private static string Named(string? student, string language) => student ?? ReplyNoticeTexts.YourStudent.Template(language);

    /// <summary>The mentor's language: their setting, their learned writing, or their messages in this conversation.</summary>
    private Task<string> MentorLanguageAsync(MentorRecord mentor, IReadOnlyList<ZulipMessage> history, CancellationToken ct) =>
        mentorLanguages.ForAsync(mentor, history.Where(m => m.SenderId == mentor.UserId).OrderByDescending(m => m.Id)
            .Take(LanguageSample).Select(m => m.Content), ct);

    private async Task TellMentorAsync(ConversationKey conversation, MentorRecord mentor, IReadOnlyList<ZulipMessage> history,
        Func<string, string> notice, CancellationToken ct)
    {
        var text = notice(await MentorLanguageAsync(mentor, history, ct).ConfigureAwait(false));
        try
        {
            await zulip.SendDirectMessageAsync(conversation.BotEmail, [mentor.UserId], Fit(text, replyOptions.Value.MaxMessageLength), ct).ConfigureAwait(false);
        }
        catch (ZulipApiException e)
        {
            // The notice is a courtesy; the outcome stands without it.
            logger.LogWarning("Notice to mentor {MentorId} refused: {Status} {Code}", mentor.UserId, (int)e.Status, e.Code);
        }
    }

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
