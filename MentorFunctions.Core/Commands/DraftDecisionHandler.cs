using MentorFunctions.Core.Languages;
using MentorFunctions.Core.Languages.Texts;
using MentorFunctions.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Commands;

/// <summary>How a mentor's send / edit / skip ended.</summary>
public enum DraftDecisionOutcome
{
    Sent = 0,
    SentEdited = 1,
    Skipped = 2,
    /// <summary>No such pending draft (already decided, never there).</summary>
    NotFound = 3,
    /// <summary>The draft was too old to be of use; it was discarded.</summary>
    Expired = 4,
    /// <summary>The student is no longer paired with the mentor; the draft was discarded.</summary>
    PairGone = 5,
    /// <summary>Posting failed; the draft was put back for another try.</summary>
    Failed = 6,
}

/// <summary>The outcome, the draft it concerned, Zulip's id of the posted message, and the answer for the mentor.</summary>
public sealed record DraftDecisionResult(DraftDecisionOutcome Outcome, long? DraftId, long? PostedMessageId, string Answer);

/// <summary>
/// Executes a mentor's decision on a pending draft. What the mentor sends is what the student gets: the draft as is,
/// labelled as an approved AI draft, or the mentor's own text, labelled as theirs and fed back to the style profile.
/// </summary>
public sealed class DraftDecisionHandler(
    DraftStore drafts,
    IDraftPoster poster,
    IDraftFeedbackSink feedback,
    IMentorRegistry registry,
    TimeProvider time,
    IOptions<ControlsOptions> options,
    ILogger<DraftDecisionHandler> log)
{
    // `language` is the mentor's, for the answer; the labels the student sees follow the student's (see ApprovedContent).
    public Task<DraftDecisionResult> SendAsync(string botEmail, long mentorId, long? draftId, CancellationToken ct, string language = Language.Default) =>
        DecideAsync(botEmail, mentorId, draftId, edited: null, language, ct);

    public Task<DraftDecisionResult> EditAsync(string botEmail, long mentorId, long? draftId, string editedText, CancellationToken ct, string language = Language.Default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(editedText);
        return DecideAsync(botEmail, mentorId, draftId, editedText.Trim(), language, ct);
    }

    public async Task<DraftDecisionResult> SkipAsync(string botEmail, long mentorId, long? draftId, CancellationToken ct, string language = Language.Default)
    {
        var draft = await drafts.TakeAsync(botEmail, mentorId, draftId, ct).ConfigureAwait(false);
        if (draft is null)
            return NotFound(draftId, language);
        log.LogInformation("Draft {DraftId} of mentor {MentorId} skipped", draft.DraftId, mentorId);
        return new DraftDecisionResult(DraftDecisionOutcome.Skipped, draft.DraftId, null, DraftTexts.Skipped.Format(language, ("id", draft.DraftId)));
    }

    /// <summary>
    /// The label line of a draft the mentor sent unchanged, in the student's language: the model wrote the draft in
    /// it, so the draft itself tells it (English when it cannot).
    /// </summary>
    public static string ApprovedContent(string mentorName, string text) =>
        $"{text}\n\n{DisclosureTexts.ApprovedDraft.Format(StudentLanguageOf(text), ("mentor", mentorName))}";

    /// <summary>The label line of a draft the mentor rewrote: their own words, labelled in the language they wrote it in.</summary>
    public static string EditedContent(string mentorName, string text, string? draftText = null) =>
        $"{text}\n\n{DisclosureTexts.EditedDraft.Format(StudentLanguageOf(text, draftText), ("mentor", mentorName))}";

    private static string StudentLanguageOf(params string?[] texts) =>
        texts.Select(LanguageDetector.Detect).FirstOrDefault(l => l is not null) ?? Language.Default;

    private async Task<DraftDecisionResult> DecideAsync(string botEmail, long mentorId, long? draftId, string? edited, string language, CancellationToken ct)
    {
        var draft = await drafts.TakeAsync(botEmail, mentorId, draftId, ct).ConfigureAwait(false);
        if (draft is null)
            return NotFound(draftId, language);

        if (time.GetUtcNow() - draft.CreatedAt > options.Value.DraftLifetime)
        {
            log.LogInformation("Draft {DraftId} of mentor {MentorId} expired", draft.DraftId, mentorId);
            return new DraftDecisionResult(DraftDecisionOutcome.Expired, draft.DraftId, null, DraftTexts.Expired.Format(language, ("id", draft.DraftId)));
        }

        if (await registry.GetPairAsync(botEmail, mentorId, draft.StudentId, ct).ConfigureAwait(false) is null)
        {
            log.LogInformation("Draft {DraftId} of mentor {MentorId} dropped: pair with {StudentId} gone", draft.DraftId, mentorId, draft.StudentId);
            return new DraftDecisionResult(DraftDecisionOutcome.PairGone, draft.DraftId, null, DraftTexts.PairGone.Format(language, ("id", draft.DraftId)));
        }

        var mentor = await registry.GetMentorAsync(botEmail, mentorId, ct).ConfigureAwait(false);
        var name = string.IsNullOrWhiteSpace(mentor?.FullName)
            ? DisclosureTexts.YourMentor.Template(StudentLanguageOf(edited, draft.Text))
            : mentor.FullName;
        var content = edited is null ? ApprovedContent(name, draft.Text) : EditedContent(name, edited, draft.Text);

        long posted;
        try
        {
            posted = await poster.PostAsync(botEmail, mentorId, draft.StudentId, content, edited is not null).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Posting draft {DraftId} of mentor {MentorId} failed; kept for another try", draft.DraftId, mentorId);
            await drafts.RestoreAsync(draft, ct).ConfigureAwait(false);
            return new DraftDecisionResult(DraftDecisionOutcome.Failed, draft.DraftId, null, DraftTexts.Failed.Format(language, ("id", draft.DraftId)));
        }

        if (edited is not null)
        {
            try
            {
                await feedback.OnEditedAsync(botEmail, mentorId, draft.StudentId, draft.Text, edited, posted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The student has the message; a missed lesson for the profile is not worth failing the command.
                log.LogWarning(e, "Style feedback for draft {DraftId} of mentor {MentorId} failed", draft.DraftId, mentorId);
            }
        }

        log.LogInformation("Draft {DraftId} of mentor {MentorId} posted as message {MessageId}, edited {Edited}", draft.DraftId, mentorId, posted, edited is not null);
        return edited is null
            ? new DraftDecisionResult(DraftDecisionOutcome.Sent, draft.DraftId, posted, DraftTexts.Sent.Format(language, ("id", draft.DraftId)))
            : new DraftDecisionResult(DraftDecisionOutcome.SentEdited, draft.DraftId, posted, DraftTexts.SentEdited.Format(language, ("id", draft.DraftId)));
    }

    private static DraftDecisionResult NotFound(long? draftId, string language) => new(DraftDecisionOutcome.NotFound, draftId, null,
        draftId is { } id ? DraftTexts.NotFound.Format(language, ("id", id)) : DraftTexts.NoDrafts.Template(language));
}
