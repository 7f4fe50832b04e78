using System.Globalization;
using System.Text;
using MentorFunctions.Core.Consent;
using MentorFunctions.Core.Languages;
using MentorFunctions.Core.Languages.Texts;
using MentorFunctions.Core.Storage;
using Microsoft.Extensions.Logging;

namespace MentorFunctions.Core.Commands;

/// <summary>
/// Executes chat commands. Settings commands act only on the sender's own mentor record, so a student (or anyone not
/// registered as a mentor) cannot change a mentor's settings and a mentor cannot change another's. Every answer is text
/// for the bot to post at once, in the sender's language: a mentor's chosen one, else the language a localised command
/// word names ("hilfe"), else the command's own words, else what the mentor's style profile learned (a student's: their
/// recent messages to their mentor), else English.
/// </summary>
public sealed class MentorCommandHandler(
    IMentorRegistry registry,
    IStyleDescriber styles,
    DraftStore drafts,
    DraftDecisionHandler draftDecisions,
    ForgetConfirmationStore forgetCodes,
    UserDataEraser eraser,
    IReplyStatusReporter replyStatus,
    MentorControls controls,
    PairConsent consent,
    MentorLanguages languages,
    CommandAnswerLanguage answerLanguage,
    TimeProvider time,
    ILogger<MentorCommandHandler> log) : ICommandHandler
{
    /// <summary>The PausedUntil of a pause with no end: until the mentor resumes.</summary>
    public static readonly DateTimeOffset UntilResumed = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        new(await AnswerAsync(request, cancellationToken).ConfigureAwait(false));

    /// <summary>The answer to one command, as Markdown.</summary>
    public async Task<string?> AnswerAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = CommandParser.Parse(request.Text);
        var mentor = await registry.GetMentorAsync(request.BotEmail, request.SenderId, ct).ConfigureAwait(false);
        // Chatter in a channel gets no answer, so there is no language to find for it.
        var language = !request.IsDirect && command.Kind == CommandKind.Unknown
            ? Language.Default
            : await AnswerLanguageAsync(request, command, mentor, ct).ConfigureAwait(false);
        log.LogInformation("Command {Kind} from user {SenderId} (mentor {IsMentor}), message {MessageId}, answered in {Language}",
            command.Kind, request.SenderId, mentor is not null, request.MessageId, language);

        // In a channel everyone reads the answer: only help is harmless there. A user-group mention that includes the bot
        // (or any chatter with it) gets no answer at all, rather than a "didn't understand" for the whole channel.
        if (!request.IsDirect)
        {
            return command.Kind switch
            {
                CommandKind.Help => Help(isMentor: false, language) + "\n\n" + HelpTexts.ChannelHelpSuffix.Template(language),
                CommandKind.Unknown => null,
                _ => HelpTexts.ChannelDirectOnly.Template(language),
            };
        }

        switch (command.Kind)
        {
            case CommandKind.Help:
                return Help(mentor is not null, language);
            case CommandKind.Unknown:
                return HelpTexts.NotUnderstood.Template(language) + "\n\n" + Help(mentor is not null, language);
            case CommandKind.Status:
                return mentor is null ? await StudentStatusAsync(request, language, ct).ConfigureAwait(false) : await MentorStatusAsync(mentor, language, ct).ConfigureAwait(false);
            case CommandKind.Human:
                return await HumanAsync(request, mentor, language, ct).ConfigureAwait(false);
            case CommandKind.Forget:
                return await ForgetAsync(request, language, ct).ConfigureAwait(false);
            case CommandKind.ForgetConfirm:
                return await ForgetConfirmAsync(request, command.Code!, language, ct).ConfigureAwait(false);
            case CommandKind.ForgetCancel:
                return (await forgetCodes.CancelAsync(request.BotEmail, request.SenderId, ct).ConfigureAwait(false)
                    ? CommandTexts.ForgetCancelled
                    : CommandTexts.ForgetNothingToCancel).Template(language);
        }

        // From here on: a mentor's own settings and drafts.
        var intended = command.Kind == CommandKind.Invalid ? command.Intended ?? CommandKind.Unknown : command.Kind;
        if (mentor is null)
            return Refusal(intended, language);
        if (command.TargetName is not null && !IsSelf(command, request))
            return CommandTexts.OnlyOwnSettings.Format(language, ("name", command.TargetName));
        if (command.Kind == CommandKind.Invalid)
            return command.ProblemIn(language) ?? Help(true, language);

        switch (command.Kind)
        {
            case CommandKind.Pause:
                return await PauseAsync(mentor, command.Duration, language, ct).ConfigureAwait(false) ?? Refusal(intended, language);
            case CommandKind.Resume:
                if (await controls.ResumeAsync(mentor, ct).ConfigureAwait(false) is not { } resumed)
                    return Refusal(intended, language);
                mentor = resumed;
                return mentor.Mode == ReplyMode.Off
                    ? CommandTexts.ResumedButOff.Template(language)
                    : CommandTexts.Resumed.Format(language, ("mode", ModeName(mentor.Mode)));
            case CommandKind.Mode:
                var mode = command.Mode!.Value;
                if (await controls.SetModeAsync(mentor, mode, ct).ConfigureAwait(false) is null)
                    return Refusal(intended, language);
                return (mode switch
                {
                    ReplyMode.Auto => CommandTexts.ModeAuto,
                    ReplyMode.Draft => CommandTexts.ModeDraft,
                    _ => CommandTexts.ModeOff,
                }).Template(language);
            case CommandKind.PersonaShow:
                return string.IsNullOrWhiteSpace(mentor.Persona)
                    ? CommandTexts.PersonaNone.Template(language)
                    : CommandTexts.PersonaShow.Format(language, ("persona", mentor.Persona));
            case CommandKind.PersonaSet:
                if (await controls.SetPersonaAsync(mentor, command.Text, ct).ConfigureAwait(false) is null)
                    return Refusal(intended, language);
                return CommandTexts.PersonaSaved.Template(language);
            case CommandKind.PersonaClear:
                if (await controls.SetPersonaAsync(mentor, null, ct).ConfigureAwait(false) is null)
                    return Refusal(intended, language);
                return CommandTexts.PersonaRemoved.Template(language);
            case CommandKind.Quiet:
                if (await controls.SetQuietHoursAsync(mentor, command.QuietHours, ct).ConfigureAwait(false) is null)
                    return Refusal(intended, language);
                return command.QuietHours is { } q
                    ? CommandTexts.QuietSet.Format(language, ("start", q.StartHour.ToString("00", CultureInfo.InvariantCulture)),
                        ("end", q.EndHour.ToString("00", CultureInfo.InvariantCulture)), ("zone", q.TimeZone))
                    : CommandTexts.QuietRemoved.Template(language);
            case CommandKind.Language:
                return await LanguageAsync(mentor, command.Text, ct).ConfigureAwait(false) ?? Refusal(intended, language);
            case CommandKind.Students:
                return await StudentsAsync(mentor, language, ct).ConfigureAwait(false);
            case CommandKind.Accept:
                return await consent.AcceptAsync(request.BotEmail, mentor, command.StudentId!.Value, language, ct).ConfigureAwait(false);
            case CommandKind.Decline:
                return await consent.DeclineAsync(request.BotEmail, mentor, command.StudentId!.Value, language, ct).ConfigureAwait(false);
            case CommandKind.DraftSend:
                return (await draftDecisions.SendAsync(request.BotEmail, mentor.UserId, command.DraftId, ct, language).ConfigureAwait(false)).Answer;
            case CommandKind.DraftEdit:
                return (await draftDecisions.EditAsync(request.BotEmail, mentor.UserId, command.DraftId, command.Text!, ct, language).ConfigureAwait(false)).Answer;
            case CommandKind.DraftSkip:
                return (await draftDecisions.SkipAsync(request.BotEmail, mentor.UserId, command.DraftId, ct, language).ConfigureAwait(false)).Answer;
            default:
                return Help(true, language);
        }
    }

    /// <summary>The help text: the student version lists only what a student can do.</summary>
    public static string Help(bool isMentor, string language = Language.Default) =>
        (isMentor ? HelpTexts.Mentor : HelpTexts.Student).Template(language) + "\n" + HelpTexts.Everyone.Template(language);

    /// <summary>
    /// The language of the answer: the mentor's setting; else the one a localised command word names; else the
    /// command's own words (an edit, a persona, a sentence), when they are enough to tell; else, for a mentor, the
    /// language their style profile learned, and for anyone else their recent messages to their mentor; else English.
    /// </summary>
    private Task<string> AnswerLanguageAsync(CommandRequest request, ParsedCommand command, MentorRecord? mentor, CancellationToken ct) =>
        answerLanguage.ForAsync(request, command, mentor, ct);

    /// <summary>`language`: shows the language; `language es` sets it; `language auto` lets the mentor's writing decide. Null when the mentor was removed meanwhile.</summary>
    private async Task<string?> LanguageAsync(MentorRecord mentor, string? choice, CancellationToken ct)
    {
        if (choice is null)
        {
            var current = await languages.ForAsync(mentor, null, ct).ConfigureAwait(false);
            return (mentor.Language is null ? CommandTexts.StatusLanguageAuto : CommandTexts.StatusLanguageSet)
                .Format(current, ("name", Language.NativeName(current)));
        }
        var set = choice == "auto" ? null : choice;
        if (await controls.SetLanguageAsync(mentor, set, ct).ConfigureAwait(false) is not { } updated)
            return null;
        log.LogInformation("Mentor {MentorId} set language {Language}", mentor.UserId, set ?? "auto");
        if (set is not null)
            return CommandTexts.LanguageSet.Template(set);
        var now = await languages.ForAsync(updated, null, ct).ConfigureAwait(false);
        return CommandTexts.LanguageAuto.Format(now, ("name", Language.NativeName(now)));
    }

    private static string Refusal(CommandKind intended, string language)
    {
        var what = intended switch
        {
            CommandKind.Pause or CommandKind.Resume => CommandTexts.RefusePause,
            CommandKind.Mode => CommandTexts.RefuseMode,
            CommandKind.Quiet => CommandTexts.RefuseQuiet,
            CommandKind.PersonaShow or CommandKind.PersonaSet or CommandKind.PersonaClear => CommandTexts.RefusePersona,
            CommandKind.Students => CommandTexts.RefuseStudents,
            CommandKind.Accept or CommandKind.Decline => CommandTexts.RefuseConsent,
            CommandKind.DraftSend or CommandKind.DraftEdit or CommandKind.DraftSkip => CommandTexts.RefuseDrafts,
            CommandKind.Language => CommandTexts.RefuseLanguage,
            _ => CommandTexts.RefuseOther,
        };
        return CommandTexts.Refusal.Format(language, ("what", what.Template(language)));
    }

    private static bool IsSelf(ParsedCommand command, CommandRequest request) =>
        command.TargetUserId is { } id
            ? id == request.SenderId
            : string.Equals(command.TargetName, request.SenderFullName.Trim(), StringComparison.OrdinalIgnoreCase);

    private async Task<string?> PauseAsync(MentorRecord mentor, TimeSpan? duration, string language, CancellationToken ct)
    {
        if ((await controls.PauseAsync(mentor, duration, ct).ConfigureAwait(false))?.PausedUntil is not { } until)
            return null;
        return duration is { } length
            ? CommandTexts.PausedFor.Format(language, ("length", Describe(length, language)), ("until", Stamp(until)))
            : CommandTexts.PausedUntilResumed.Template(language);
    }

    private async Task<string> MentorStatusAsync(MentorRecord mentor, string language, CancellationToken ct)
    {
        var style = await styles.DescribeMentorAsync(mentor.BotEmail, mentor.UserId, language, ct).ConfigureAwait(false);
        var students = await registry.ListStudentsAsync(mentor.BotEmail, mentor.UserId, ct).ConfigureAwait(false);
        var sb = new StringBuilder();
        sb.AppendLine(CommandTexts.StatusMode.Format(language, ("mode", ModeName(mentor.Mode))));
        sb.AppendLine(CommandTexts.StatusPause.Format(language, ("state", PauseState(mentor.PausedUntil, language))));
        sb.AppendLine(CommandTexts.StatusStudents.Format(language, ("count", students.Count)));
        // Drafts can outlive a switch away from draft mode, so they are shown whatever the mode.
        var pending = await drafts.ListAsync(mentor.BotEmail, mentor.UserId, ct).ConfigureAwait(false);
        if (pending.Count > 0)
            sb.AppendLine(CommandTexts.StatusDrafts.Format(language, ("ids", string.Join(", ", pending.Select(p => p.DraftId.ToString(CultureInfo.InvariantCulture))))));
        if (!string.IsNullOrWhiteSpace(mentor.Persona))
            sb.AppendLine(CommandTexts.StatusPersona.Template(language));
        if (mentor.QuietHours is { } quiet)
            sb.AppendLine(CommandTexts.StatusQuiet.Format(language, ("hours", string.Create(CultureInfo.InvariantCulture, $"{quiet.StartHour:00}:00–{quiet.EndHour:00}:00 {quiet.TimeZone}"))));
        var own = await languages.ForAsync(mentor, null, ct).ConfigureAwait(false);
        sb.AppendLine((mentor.Language is null ? CommandTexts.StatusLanguageAuto : CommandTexts.StatusLanguageSet)
            .Format(language, ("name", Language.NativeName(own))));
        foreach (var line in await replyStatus.DescribeAsync(mentor.BotEmail, mentor.UserId, language, ct).ConfigureAwait(false))
            sb.AppendLine(line);
        sb.AppendLine().Append(CommandTexts.StatusStyle.Format(language, ("style", style)));
        return sb.ToString();
    }

    private async Task<string> StudentStatusAsync(CommandRequest request, string language, CancellationToken ct)
    {
        var mentors = await MentorNamesAsync(request, language, ct).ConfigureAwait(false);
        return mentors.Count switch
        {
            0 => CommandTexts.NoMentorOnRecord.Template(language),
            1 => CommandTexts.YourMentor.Format(language, ("names", mentors[0])),
            _ => CommandTexts.YourMentors.Format(language, ("names", string.Join(", ", mentors))),
        };
    }

    private async Task<string> HumanAsync(CommandRequest request, MentorRecord? sender, string language, CancellationToken ct)
    {
        var mentors = await MentorNamesAsync(request, language, ct).ConfigureAwait(false);
        if (mentors.Count == 0)
            return (sender is not null ? CommandTexts.HumanIsMentor : CommandTexts.HumanNoMentor).Template(language);
        return (mentors.Count == 1 ? CommandTexts.HumanMentor : CommandTexts.HumanMentors).Format(language, ("names", string.Join(", ", mentors)));
    }

    private async Task<List<string>> MentorNamesAsync(CommandRequest request, string language, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var pair in await registry.ListMentorsOfStudentAsync(request.BotEmail, request.SenderId, ct).ConfigureAwait(false))
        {
            var m = await registry.GetMentorAsync(request.BotEmail, pair.MentorId, ct).ConfigureAwait(false);
            // A silent mention: names the mentor as a link without notifying them.
            names.Add(m is null ? CommandTexts.UnnamedUser.Format(language, ("id", pair.MentorId)) : $"@_**{m.FullName}|{m.UserId}**");
        }
        return names;
    }

    private async Task<string> StudentsAsync(MentorRecord mentor, string language, CancellationToken ct)
    {
        var students = await registry.ListStudentsAsync(mentor.BotEmail, mentor.UserId, ct).ConfigureAwait(false);
        if (students.Count == 0)
            return CommandTexts.NoStudents.Template(language);
        var sb = new StringBuilder().AppendLine(CommandTexts.StudentsHeader.Format(language, ("count", students.Count)));
        foreach (var s in students.OrderBy(s => s.StudentFullName, StringComparer.OrdinalIgnoreCase))
            sb.AppendLine(CommandTexts.StudentSince.Format(language, ("student", $"@_**{s.StudentFullName}|{s.StudentId}**"),
                ("date", s.EnrolledAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        return sb.ToString().TrimEnd();
    }

    private async Task<string> ForgetAsync(CommandRequest request, string language, CancellationToken ct)
    {
        var (code, expires) = await forgetCodes.IssueAsync(request.BotEmail, request.SenderId, ct).ConfigureAwait(false);
        var minutes = Math.Max(1, (int)Math.Round((expires - time.GetUtcNow()).TotalMinutes));
        return CommandTexts.ForgetAsk.Format(language, ("code", code), ("minutes", minutes));
    }

    private async Task<string> ForgetConfirmAsync(CommandRequest request, string code, string language, CancellationToken ct)
    {
        var check = await forgetCodes.ConfirmAsync(request.BotEmail, request.SenderId, code, ct).ConfigureAwait(false);
        switch (check)
        {
            case ForgetCheck.NoPending:
                return CommandTexts.ForgetNoPending.Template(language);
            case ForgetCheck.Expired:
                return CommandTexts.ForgetExpired.Template(language);
            case ForgetCheck.WrongCode:
                return CommandTexts.ForgetWrongCode.Template(language);
            case ForgetCheck.TooManyAttempts:
                return CommandTexts.ForgetTooManyAttempts.Template(language);
        }
        var report = await eraser.EraseAsync(request.BotEmail, request.SenderId, ct).ConfigureAwait(false);
        if (report.Complete)
            return CommandTexts.ForgetDone.Format(language, ("count", report.TotalDeleted));
        var failed = string.Join(", ", report.Stores.Where(s => s.Error is not null).Select(s => s.Store));
        return CommandTexts.ForgetPartial.Format(language, ("count", report.TotalDeleted), ("failed", failed));
    }

    private string PauseState(DateTimeOffset? pausedUntil, string language)
    {
        var now = time.GetUtcNow();
        if (pausedUntil is not { } until || until <= now)
            return CommandTexts.NotPaused.Template(language);
        if (until >= UntilResumed)
            return CommandTexts.PausedUntilResume.Template(language);
        return CommandTexts.PausedUntil.Format(language, ("until", Stamp(until)), ("left", Describe(until - now, language)));
    }

    private static string ModeName(ReplyMode mode) => mode switch
    {
        ReplyMode.Auto => "auto",
        ReplyMode.Draft => "draft",
        _ => "off",
    };

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"2 days 3 hours", "45 minutes": the two largest units, rounded to the minute.</summary>
    internal static string Describe(TimeSpan span, string language = Language.Default)
    {
        var minutes = (long)Math.Round(span.TotalMinutes);
        if (minutes < 1) return CommandTexts.LessThanAMinute.Template(language);
        var parts = new List<string>();
        void Add(long n, LocalText one, LocalText many) { if (n > 0) parts.Add((n == 1 ? one : many).Format(language, ("n", n))); }
        Add(minutes / 1440, CommandTexts.OneDay, CommandTexts.Days);
        Add(minutes % 1440 / 60, CommandTexts.OneHour, CommandTexts.Hours);
        Add(minutes % 60, CommandTexts.OneMinute, CommandTexts.Minutes);
        return string.Join(' ', parts.Take(2));
    }
}
