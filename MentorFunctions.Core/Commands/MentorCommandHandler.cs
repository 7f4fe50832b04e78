using System.Globalization;
using System.Text;
using MentorFunctions.Core.Consent;
using MentorFunctions.Core.Storage;
using Microsoft.Extensions.Logging;

namespace MentorFunctions.Core.Commands;

/// <summary>
/// Executes chat commands. Settings commands act only on the sender's own mentor record, so a student (or anyone not
/// registered as a mentor) cannot change a mentor's settings and a mentor cannot change another's. Every answer is text
/// for the bot to post at once.
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
        log.LogInformation("Command {Kind} from user {SenderId} (mentor {IsMentor}), message {MessageId}",
            command.Kind, request.SenderId, mentor is not null, request.MessageId);

        // In a channel everyone reads the answer: only help is harmless there. A user-group mention that includes the bot
        // (or any chatter with it) gets no answer at all, rather than a "didn't understand" for the whole channel.
        if (!request.IsDirect)
        {
            return command.Kind switch
            {
                CommandKind.Help => Help(isMentor: false) + "\n\nPlease write to me in a direct message for anything else.",
                CommandKind.Unknown => null,
                _ => "I answer that only in a direct message, so nothing private is shown here. Please write to me directly.",
            };
        }

        switch (command.Kind)
        {
            case CommandKind.Help:
                return Help(mentor is not null);
            case CommandKind.Unknown:
                return "Sorry, I didn't understand that.\n\n" + Help(mentor is not null);
            case CommandKind.Status:
                return mentor is null ? await StudentStatusAsync(request, ct).ConfigureAwait(false) : await MentorStatusAsync(mentor, ct).ConfigureAwait(false);
            case CommandKind.Human:
                return await HumanAsync(request, mentor, ct).ConfigureAwait(false);
            case CommandKind.Forget:
                return await ForgetAsync(request, ct).ConfigureAwait(false);
            case CommandKind.ForgetConfirm:
                return await ForgetConfirmAsync(request, command.Code!, ct).ConfigureAwait(false);
            case CommandKind.ForgetCancel:
                return await forgetCodes.CancelAsync(request.BotEmail, request.SenderId, ct).ConfigureAwait(false)
                    ? "Cancelled: I keep your data as it is."
                    : "There was no pending `forget` request to cancel.";
        }

        // From here on: a mentor's own settings and drafts.
        var intended = command.Kind == CommandKind.Invalid ? command.Intended ?? CommandKind.Unknown : command.Kind;
        if (mentor is null)
            return Refusal(intended);
        if (command.TargetName is not null && !IsSelf(command, request))
            return $"You can only change your own settings; {command.TargetName} can change theirs by writing to me.";
        if (command.Kind == CommandKind.Invalid)
            return command.Problem ?? Help(true);

        switch (command.Kind)
        {
            case CommandKind.Pause:
                return await PauseAsync(mentor, command.Duration, ct).ConfigureAwait(false) ?? Refusal(intended);
            case CommandKind.Resume:
                if (await controls.ResumeAsync(mentor, ct).ConfigureAwait(false) is not { } resumed)
                    return Refusal(intended);
                mentor = resumed;
                return mentor.Mode == ReplyMode.Off
                    ? "Resumed, but your mode is `off`, so I only learn. Use `mode auto` or `mode draft` to have me reply."
                    : $"Resumed: I'm back in `{ModeName(mentor.Mode)}` mode.";
            case CommandKind.Mode:
                var mode = command.Mode!.Value;
                if (await controls.SetModeAsync(mentor, mode, ct).ConfigureAwait(false) is null)
                    return Refusal(intended);
                return mode switch
                {
                    ReplyMode.Auto => "Mode set to `auto`: when a student waits, I reply in your style, labelled as AI.",
                    ReplyMode.Draft => "Mode set to `draft`: I'll send you each reply privately first; answer `send`, `edit <your text>` or `skip`.",
                    _ => "Mode set to `off`: I keep learning your style but never reply.",
                };
            case CommandKind.PersonaShow:
                return string.IsNullOrWhiteSpace(mentor.Persona)
                    ? "You have no persona note. Set one with `persona <text>`, e.g. `persona I teach Python to beginners; keep it encouraging`."
                    : $"Your persona note:\n```quote\n{mentor.Persona}\n```\nChange it with `persona <text>` or remove it with `persona clear`.";
            case CommandKind.PersonaSet:
                if (await controls.SetPersonaAsync(mentor, command.Text, ct).ConfigureAwait(false) is null)
                    return Refusal(intended);
                return "Persona note saved; I'll keep it in mind when I write for you.";
            case CommandKind.PersonaClear:
                if (await controls.SetPersonaAsync(mentor, null, ct).ConfigureAwait(false) is null)
                    return Refusal(intended);
                return "Persona note removed.";
            case CommandKind.Quiet:
                if (await controls.SetQuietHoursAsync(mentor, command.QuietHours, ct).ConfigureAwait(false) is null)
                    return Refusal(intended);
                return command.QuietHours is { } q
                    ? $"Quiet hours set: {q.StartHour:00}:00–{q.EndHour:00}:00 {q.TimeZone}. A reply due then waits until the morning."
                    : "Quiet hours removed: I may answer for you at any hour (the organisation's quiet hours still apply, if set).";
            case CommandKind.Students:
                return await StudentsAsync(mentor, ct).ConfigureAwait(false);
            case CommandKind.Accept:
                return await consent.AcceptAsync(request.BotEmail, mentor, command.StudentId!.Value, ct).ConfigureAwait(false);
            case CommandKind.Decline:
                return await consent.DeclineAsync(request.BotEmail, mentor, command.StudentId!.Value, ct).ConfigureAwait(false);
            case CommandKind.DraftSend:
                return (await draftDecisions.SendAsync(request.BotEmail, mentor.UserId, command.DraftId, ct).ConfigureAwait(false)).Answer;
            case CommandKind.DraftEdit:
                return (await draftDecisions.EditAsync(request.BotEmail, mentor.UserId, command.DraftId, command.Text!, ct).ConfigureAwait(false)).Answer;
            case CommandKind.DraftSkip:
                return (await draftDecisions.SkipAsync(request.BotEmail, mentor.UserId, command.DraftId, ct).ConfigureAwait(false)).Answer;
            default:
                return Help(true);
        }
    }

    /// <summary>The help text: the student version lists only what a student can do.</summary>
    public static string Help(bool isMentor)
    {
        var sb = new StringBuilder();
        if (isMentor)
        {
            sb.AppendLine("When a student waits for you, I answer in your style (clearly labelled as AI) and stand down when you reply. Commands:");
            sb.AppendLine("- `status`: what I've learned about your style, your mode and pause");
            sb.AppendLine("- `pause` (until `resume`), or `pause 30m` / `pause 2h` / `pause 1d`; `resume`");
            sb.AppendLine("- `mode auto` (I reply), `mode draft` (I send you drafts first), `mode off` (I only learn)");
            sb.AppendLine("- `send`, `edit <text>`, `skip` for your newest draft, or with its number: `send 12`");
            sb.AppendLine("- `persona <text>` to tell me about yourself; `persona clear`");
            sb.AppendLine("- `quiet 22-7 Europe/Lisbon`: hours in your time zone when I never answer for you; `quiet off`");
            sb.AppendLine("- `students`: your students; `accept <id>` / `decline <id>` when I ask about someone new");
        }
        else
        {
            sb.AppendLine("I'm an AI stand-in for mentors: when your mentor is away, I may answer in their place, always labelled as AI. Commands:");
            sb.AppendLine("- `human`: how to reach your mentor in person");
            sb.AppendLine("- `status`: who your mentors are");
        }
        sb.AppendLine("- `forget`: delete everything I store about you");
        sb.Append("- `help`: this list");
        return sb.ToString();
    }

    private static string Refusal(CommandKind intended)
    {
        var what = intended switch
        {
            CommandKind.Pause or CommandKind.Resume => "pause or resume the AI stand-in",
            CommandKind.Mode => "change the reply mode",
            CommandKind.Quiet => "set quiet hours",
            CommandKind.PersonaShow or CommandKind.PersonaSet or CommandKind.PersonaClear => "set a persona",
            CommandKind.Students => "list students",
            CommandKind.Accept or CommandKind.Decline => "accept or decline students",
            CommandKind.DraftSend or CommandKind.DraftEdit or CommandKind.DraftSkip => "send, edit or skip drafts",
            _ => "use that command",
        };
        return $"Sorry, only registered mentors can {what}, and only for themselves. To reach your mentor, write `human`; for everything else, `help`.";
    }

    private static bool IsSelf(ParsedCommand command, CommandRequest request) =>
        command.TargetUserId is { } id
            ? id == request.SenderId
            : string.Equals(command.TargetName, request.SenderFullName.Trim(), StringComparison.OrdinalIgnoreCase);

    private async Task<string?> PauseAsync(MentorRecord mentor, TimeSpan? duration, CancellationToken ct)
    {
        if ((await controls.PauseAsync(mentor, duration, ct).ConfigureAwait(false))?.PausedUntil is not { } until)
            return null;
        return duration is { } length
            ? $"Paused for {Describe(length)}, until {Stamp(until)}. I keep learning meanwhile; `resume` ends the pause early."
            : "Paused until you write `resume`. I keep learning meanwhile.";
    }

    private async Task<string> MentorStatusAsync(MentorRecord mentor, CancellationToken ct)
    {
        var style = await styles.DescribeMentorAsync(mentor.BotEmail, mentor.UserId, ct).ConfigureAwait(false);
        var students = await registry.ListStudentsAsync(mentor.BotEmail, mentor.UserId, ct).ConfigureAwait(false);
        var sb = new StringBuilder();
        sb.Append("**Mode:** `").Append(ModeName(mentor.Mode)).AppendLine("`");
        sb.Append("**Pause:** ").AppendLine(PauseState(mentor.PausedUntil));
        sb.Append("**Students:** ").AppendLine(students.Count.ToString(CultureInfo.InvariantCulture));
        // Drafts can outlive a switch away from draft mode, so they are shown whatever the mode.
        var pending = await drafts.ListAsync(mentor.BotEmail, mentor.UserId, ct).ConfigureAwait(false);
        if (pending.Count > 0)
            sb.Append("**Drafts waiting:** ").AppendLine(string.Join(", ", pending.Select(p => p.DraftId.ToString(CultureInfo.InvariantCulture))));
        if (!string.IsNullOrWhiteSpace(mentor.Persona))
            sb.AppendLine("**Persona note:** set (`persona` shows it)");
        if (mentor.QuietHours is { } quiet)
            sb.Append("**Quiet hours:** ").AppendLine(string.Create(CultureInfo.InvariantCulture, $"{quiet.StartHour:00}:00–{quiet.EndHour:00}:00 {quiet.TimeZone}"));
        foreach (var line in await replyStatus.DescribeAsync(mentor.BotEmail, mentor.UserId, ct).ConfigureAwait(false))
            sb.AppendLine(line);
        sb.AppendLine().Append("**Your style, as I've learned it:** ").Append(style);
        return sb.ToString();
    }

    private async Task<string> StudentStatusAsync(CommandRequest request, CancellationToken ct)
    {
        var mentors = await MentorNamesAsync(request, ct).ConfigureAwait(false);
        return mentors.Count == 0
            ? "You aren't registered as a mentor, and I don't have a mentor on record for you."
            : $"You aren't registered as a mentor. Your mentor{(mentors.Count > 1 ? "s" : "")}: {string.Join(", ", mentors)}.";
    }

    private async Task<string> HumanAsync(CommandRequest request, MentorRecord? sender, CancellationToken ct)
    {
        var mentors = await MentorNamesAsync(request, ct).ConfigureAwait(false);
        if (mentors.Count == 0)
        {
            return sender is not null
                ? "You are a mentor here; your students reach you through your group DMs with them."
                : "I don't have a mentor on record for you. Please ask your programme's organisers who your mentor is.";
        }
        return $"Your mentor{(mentors.Count > 1 ? "s" : "")}: {string.Join(", ", mentors)}. "
            + "Write in your group DM with them (they read it), or send them a direct message. "
            + "If I've been answering for them, I stand down as soon as they reply.";
    }

    private async Task<List<string>> MentorNamesAsync(CommandRequest request, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var pair in await registry.ListMentorsOfStudentAsync(request.BotEmail, request.SenderId, ct).ConfigureAwait(false))
        {
            var m = await registry.GetMentorAsync(request.BotEmail, pair.MentorId, ct).ConfigureAwait(false);
            // A silent mention: names the mentor as a link without notifying them.
            names.Add(m is null ? $"user {pair.MentorId}" : $"@_**{m.FullName}|{m.UserId}**");
        }
        return names;
    }

    private async Task<string> StudentsAsync(MentorRecord mentor, CancellationToken ct)
    {
        var students = await registry.ListStudentsAsync(mentor.BotEmail, mentor.UserId, ct).ConfigureAwait(false);
        if (students.Count == 0)
            return "You have no students yet. Start a group DM with a student and me, or ask an admin to register the pair.";
        var sb = new StringBuilder().Append("Your students (").Append(students.Count).AppendLine("):");
        foreach (var s in students.OrderBy(s => s.StudentFullName, StringComparer.OrdinalIgnoreCase))
            sb.Append("- @_**").Append(s.StudentFullName).Append('|').Append(s.StudentId).Append("** since ")
              .AppendLine(s.EnrolledAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return sb.ToString().TrimEnd();
    }

    private async Task<string> ForgetAsync(CommandRequest request, CancellationToken ct)
    {
        var (code, expires) = await forgetCodes.IssueAsync(request.BotEmail, request.SenderId, ct).ConfigureAwait(false);
        var minutes = Math.Max(1, (int)Math.Round((expires - time.GetUtcNow()).TotalMinutes));
        return "This deletes everything I store about you: your mentor registration and settings, your mentor–student pairs, "
            + "the style I learned, pending drafts and the audit trail. It can't be undone.\n"
            + $"To go ahead, write `forget confirm {code}` within {minutes} minutes. To keep your data, write `forget cancel`.";
    }

    private async Task<string> ForgetConfirmAsync(CommandRequest request, string code, CancellationToken ct)
    {
        var check = await forgetCodes.ConfirmAsync(request.BotEmail, request.SenderId, code, ct).ConfigureAwait(false);
        switch (check)
        {
            case ForgetCheck.NoPending:
                return "There is no pending `forget` request. Write `forget` to start one.";
            case ForgetCheck.Expired:
                return "That code has expired. Write `forget` to get a new one.";
            case ForgetCheck.WrongCode:
                return "That code doesn't match. Check it and try again, or write `forget` for a new one.";
            case ForgetCheck.TooManyAttempts:
                return "Too many wrong codes; the request was cancelled. Write `forget` to start again.";
        }
        var report = await eraser.EraseAsync(request.BotEmail, request.SenderId, ct).ConfigureAwait(false);
        if (report.Complete)
            return $"Done: I deleted everything I stored about you ({report.TotalDeleted} records). If you write to me again as a mentor or student, I'll start afresh.";
        var failed = string.Join(", ", report.Stores.Where(s => s.Error is not null).Select(s => s.Store));
        return $"I deleted {report.TotalDeleted} records, but could not reach part of my storage ({failed}). Please write `forget` again in a few minutes to finish.";
    }

    private string PauseState(DateTimeOffset? pausedUntil)
    {
        var now = time.GetUtcNow();
        if (pausedUntil is not { } until || until <= now)
            return "not paused";
        if (until >= UntilResumed)
            return "paused until you `resume`";
        return $"paused until {Stamp(until)} ({Describe(until - now)} left)";
    }

    private static string ModeName(ReplyMode mode) => mode switch
    {
        ReplyMode.Auto => "auto",
        ReplyMode.Draft => "draft",
        _ => "off",
    };

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"2 days 3 hours", "45 minutes": the two largest units, rounded to the minute.</summary>
    internal static string Describe(TimeSpan span)
    {
        var minutes = (long)Math.Round(span.TotalMinutes);
        if (minutes < 1) return "less than a minute";
        var parts = new List<string>();
        void Add(long n, string unit) { if (n > 0) parts.Add($"{n} {unit}{(n == 1 ? "" : "s")}"); }
        Add(minutes / 1440, "day");
        Add(minutes % 1440 / 60, "hour");
        Add(minutes % 60, "minute");
        return string.Join(' ', parts.Take(2));
    }
}
