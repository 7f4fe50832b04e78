using MentorFunctions.Core.Languages;
using MentorFunctions.Core.Languages.Texts;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Zulip;
using Microsoft.Extensions.Logging;

namespace MentorFunctions.Core.Consent;

/// <summary>What became of a message in a group DM of a mentor and someone who is not (yet) their student.</summary>
public enum ConsentOutcome
{
    /// <summary>The pair exists now (the mentor's own message was their consent).</summary>
    Enrolled = 0,
    /// <summary>The mentor has not agreed yet; they were asked (or were asked recently).</summary>
    AwaitingMentor = 1,
    /// <summary>The mentor declined this student.</summary>
    Declined = 2,
    /// <summary>The other participant is a bot (or not a user Zulip knows): never a student.</summary>
    NotAHuman = 3,
}

/// <summary>
/// The only ways a mentor–student pair comes to exist besides an admin registering it: the mentor writes in the group DM
/// with the student and the bot (their own message is consent, when the bot's <c>AutoEnrolStudents</c> is on), or the
/// mentor answers the bot's question with <c>accept</c>. Until then the student's messages get no AI reply and are not
/// learned. Bots are never enrolled: Zulip's GET /users/{id} says who is one. The question and the answers are in the
/// mentor's language (<see cref="MentorLanguages"/>).
/// </summary>
public sealed class PairConsent(IMentorRegistry registry, ConsentStore store, IZulipClient zulip, MentorLanguages languages, TimeProvider time, ILogger<PairConsent> log)
{
    /// <summary>How long the bot waits before asking a mentor about the same student again.</summary>
    public static readonly TimeSpan AskAgainAfter = TimeSpan.FromDays(7);

    /// <summary>The mentor wrote in a group DM with <paramref name="student"/> and the bot, and no pair exists.</summary>
    public async Task<(ConsentOutcome Outcome, PairRecord? Pair)> OnMentorMessageAsync(
        ZulipBotOptions bot, MentorRecord mentor, long student, CancellationToken ct)
    {
        var other = await zulip.GetUserAsync(bot.Email, student, ct).ConfigureAwait(false);
        if (other is null || other.IsBot)
            return (ConsentOutcome.NotAHuman, null);
        var answer = await store.GetAsync(bot.Email, mentor.UserId, student, ct).ConfigureAwait(false);
        if (answer is { State: ConsentState.Declined })
            return (ConsentOutcome.Declined, null);
        // A decline is answered by `accept`; writing in the group DM after declining is not a change of mind.
        if (!bot.AutoEnrolStudents)
        {
            await AskAsync(bot.Email, mentor, other, answer, ct).ConfigureAwait(false);
            return (ConsentOutcome.AwaitingMentor, null);
        }
        var pair = await EnrolAsync(bot.Email, mentor.UserId, other, EnrolmentSource.MentorWrote, ct).ConfigureAwait(false);
        return (ConsentOutcome.Enrolled, pair);
    }

    /// <summary>Someone who is not the mentor's student wrote in a group DM with the mentor and the bot.</summary>
    public async Task<ConsentOutcome> OnStudentMessageAsync(ZulipBotOptions bot, MentorRecord mentor, long student, CancellationToken ct)
    {
        var other = await zulip.GetUserAsync(bot.Email, student, ct).ConfigureAwait(false);
        if (other is null || other.IsBot)
            return ConsentOutcome.NotAHuman;
        var answer = await store.GetAsync(bot.Email, mentor.UserId, student, ct).ConfigureAwait(false);
        if (answer is { State: ConsentState.Declined })
            return ConsentOutcome.Declined;
        await AskAsync(bot.Email, mentor, other, answer, ct).ConfigureAwait(false);
        return ConsentOutcome.AwaitingMentor;
    }

    /// <summary>The mentor's `accept &lt;id&gt;`: the answer to post back to them.</summary>
    public async Task<string> AcceptAsync(string botEmail, MentorRecord mentor, long student, string language, CancellationToken ct)
    {
        if (student == mentor.UserId)
            return ConsentTexts.OwnStudent.Template(language);
        var other = await zulip.GetUserAsync(botEmail, student, ct).ConfigureAwait(false);
        if (other is null)
            return ConsentTexts.NoSuchUser.Format(language, ("id", student));
        if (other.IsBot)
            return ConsentTexts.IsBot.Format(language, ("name", other.FullName));
        if (await registry.GetPairAsync(botEmail, mentor.UserId, student, ct).ConfigureAwait(false) is { Source: not EnrolmentSource.Unconsented })
            return ConsentTexts.AlreadyStudent.Format(language, ("name", other.FullName));
        await EnrolAsync(botEmail, mentor.UserId, other, EnrolmentSource.MentorAccepted, ct).ConfigureAwait(false);
        return ConsentTexts.Accepted.Format(language, ("name", other.FullName), ("id", student));
    }

    /// <summary>The mentor's `decline &lt;id&gt;`: removes the pair if there is one, and stops the asking.</summary>
    public async Task<string> DeclineAsync(string botEmail, MentorRecord mentor, long student, string language, CancellationToken ct)
    {
        var removed = await registry.RemovePairAsync(botEmail, mentor.UserId, student, ct).ConfigureAwait(false);
        await store.SetAsync(new ConsentRecord(botEmail, mentor.UserId, student, ConsentState.Declined, time.GetUtcNow()), ct).ConfigureAwait(false);
        log.LogInformation("Mentor {MentorId} declined student {StudentId} (pair removed {Removed})", mentor.UserId, student, removed);
        return (removed ? ConsentTexts.DeclinedRemoved : ConsentTexts.Declined).Format(language, ("id", student));
    }

    private async Task<PairRecord> EnrolAsync(string botEmail, long mentorId, ZulipUserInfo student, EnrolmentSource source, CancellationToken ct)
    {
        // A pair an earlier version enrolled without consent is replaced by the consented one.
        if (await registry.GetPairAsync(botEmail, mentorId, student.UserId, ct).ConfigureAwait(false) is { Source: EnrolmentSource.Unconsented })
            await registry.RemovePairAsync(botEmail, mentorId, student.UserId, ct).ConfigureAwait(false);
        var pair = await registry.EnrolAsync(
            new PairRecord(botEmail, mentorId, student.UserId, student.Email, student.FullName, time.GetUtcNow(), source), ct).ConfigureAwait(false);
        await store.DeleteAsync(botEmail, mentorId, student.UserId, ct).ConfigureAwait(false);
        log.LogInformation("Pair {MentorId}/{StudentId} enrolled ({Source})", mentorId, student.UserId, source);
        return pair;
    }

    private async Task AskAsync(string botEmail, MentorRecord mentor, ZulipUserInfo student, ConsentRecord? asked, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (asked is { State: ConsentState.Requested } && now - asked.At < AskAgainAfter)
            return;
        var language = await languages.ForAsync(mentor, null, ct).ConfigureAwait(false);
        var question = ConsentTexts.Question.Format(language, ("student", student.FullName), ("id", student.UserId));
        // Record the question first, so a second message arriving meanwhile does not ask again; a DM Zulip refuses
        // (a deactivated mentor, say) removes the mark, so the next message asks again.
        await store.SetAsync(new ConsentRecord(botEmail, mentor.UserId, student.UserId, ConsentState.Requested, now), ct).ConfigureAwait(false);
        try
        {
            await zulip.SendDirectMessageAsync(botEmail, [mentor.UserId], question, ct).ConfigureAwait(false);
        }
        catch (ZulipApiException e)
        {
            await store.DeleteAsync(botEmail, mentor.UserId, student.UserId, CancellationToken.None).ConfigureAwait(false);
            log.LogWarning("Zulip refused the consent question to mentor {MentorId} ({Status} {Code})", mentor.UserId, (int)e.Status, e.Code);
            return;
        }
        log.LogInformation("Asked mentor {MentorId} to accept or decline student {StudentId}", mentor.UserId, student.UserId);
    }
}
