using MentorFunctions.Core.Languages;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Core.Commands;

/// <summary>What a chat command asks for.</summary>
public enum CommandKind
{
    /// <summary>Nothing recognisable: answered with help.</summary>
    Unknown = 0,
    Help,
    Status,
    Pause,
    Resume,
    Mode,
    PersonaShow,
    PersonaSet,
    PersonaClear,
    Students,
    Forget,
    ForgetConfirm,
    ForgetCancel,
    Human,
    DraftSend,
    DraftEdit,
    DraftSkip,
    /// <summary>Set (<see cref="ParsedCommand.QuietHours"/>) or clear (null) the mentor's quiet hours.</summary>
    Quiet,
    /// <summary>The mentor agrees that the stand-in answers this student (<see cref="ParsedCommand.StudentId"/>).</summary>
    Accept,
    /// <summary>The mentor declines this student: no pair, and the bot stops asking.</summary>
    Decline,
    /// <summary>A known command with an argument that could not be understood; <see cref="ParsedCommand.Problem"/> says why.</summary>
    Invalid,
    /// <summary>Show (<see cref="ParsedCommand.Text"/> null), set (a language code) or clear ("auto") the mentor's language.</summary>
    Language,
}

/// <summary>
/// A parsed chat command. Only the fields that belong to <see cref="Kind"/> are set: <see cref="Duration"/> for a timed
/// pause (null = until resumed), <see cref="Mode"/>, <see cref="Text"/> for persona and edit (original case and line
/// breaks kept), <see cref="DraftId"/> for send / edit / skip (null = the newest draft), <see cref="Code"/> for forget
/// confirm. <see cref="TargetName"/>/<see cref="TargetUserId"/> hold a mention of someone whose settings the sender tried
/// to change ("pause @**Ann**"); the handler only lets senders change their own.
/// </summary>
public sealed record ParsedCommand(CommandKind Kind)
{
    public TimeSpan? Duration { get; init; }
    public ReplyMode? Mode { get; init; }
    public string? Text { get; init; }
    public long? DraftId { get; init; }
    public string? Code { get; init; }
    public string? TargetName { get; init; }
    public long? TargetUserId { get; init; }
    public MentorQuietHours? QuietHours { get; init; }

    /// <summary>For accept / decline: the would-be student's Zulip user id.</summary>
    public long? StudentId { get; init; }

    /// <summary>For <see cref="CommandKind.Invalid"/>: what was wrong, in English (<see cref="ProblemIn"/> for another language).</summary>
    public string? Problem => ProblemIn(Languages.Language.Default);

    /// <summary>For <see cref="CommandKind.Invalid"/>: what was wrong, as a text to write in the sender's language.</summary>
    public LocalText? ProblemText { get; init; }

    /// <summary>The values of <see cref="ProblemText"/>'s placeholders.</summary>
    public (string Name, object? Value)[] ProblemArgs { get; init; } = [];

    /// <summary>
    /// The language a localised command word names ("ayuda", "hilfe", "aide"), when it names only one: the answer is
    /// written in it unless the mentor chose a language.
    /// </summary>
    public string? LanguageHint { get; init; }

    public string? ProblemIn(string language) => ProblemText?.Format(language, ProblemArgs);

    /// <summary>For <see cref="CommandKind.Invalid"/>: which command it was meant to be.</summary>
    public CommandKind? Intended { get; init; }

    internal static ParsedCommand Invalid(CommandKind intended, LocalText problem, params (string Name, object? Value)[] args) =>
        new(CommandKind.Invalid) { Intended = intended, ProblemText = problem, ProblemArgs = args };
}
