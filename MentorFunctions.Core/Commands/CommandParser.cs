using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MentorFunctions.Core.Languages.Texts;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Core.Commands;

/// <summary>
/// Turns the text of a DM to the bot (or a mention of it) into a <see cref="ParsedCommand"/>. Pure and forgiving: case,
/// extra spaces, punctuation, leading mentions and a leading '/' or '!' do not matter; free text (persona, edit) keeps its
/// case and line breaks. Anything unrecognised is <see cref="CommandKind.Unknown"/>, which the handler answers with help.
/// Command words are English; the obvious localised forms of help, status, human and language are accepted too
/// ("ayuda", "ajuda", "aide", "hilfe"; "estado", "statut"; "humano", "humain", "mensch"; "idioma", "langue", "sprache"),
/// none of which is an English command word or starts a phrase the parser reads.
/// </summary>
public static partial class CommandParser
{
    /// <summary>The longest pause a mentor can set in one go; beyond that, mode off says what is meant.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromDays(30);

    /// <summary>The longest persona note kept; it goes into every prompt, so it stays short.</summary>
    public const int MaxPersonaLength = 500;

    /// <summary>The longest edited draft accepted (Zulip's default message limit, less room for the label).</summary>
    public const int MaxEditLength = 9000;

    public static ParsedCommand Parse(string? text)
    {
        var body = StripLeading(text ?? "");
        if (body.Length == 0)
            return new ParsedCommand(CommandKind.Help);

        var (verb, rest) = SplitVerb(body);

        // Free-text commands first: their argument must keep its case and formatting.
        switch (verb)
        {
            case "persona":
                return ParsePersona(rest);
            case "edit":
                return ParseEdit(rest);
            case "quiet" or "quiet-hours" or "quiethours":
                return ParseQuiet(rest);
        }

        var (targetName, targetId, restWithoutMentions) = ExtractMention(rest);
        var words = Words(restWithoutMentions);
        var all = Words(body);

        switch (verb)
        {
            case "help" or "h" or "commands" or "usage":
                return new ParsedCommand(CommandKind.Help);
            case "ayuda" or "ajuda" or "aide" or "hilfe":
                return new ParsedCommand(CommandKind.Help) { LanguageHint = HintOf(verb) };
            case "status" or "info" or "profile" or "stats" or "whoami":
                return new ParsedCommand(CommandKind.Status);
            case "estado" or "statut":
                return new ParsedCommand(CommandKind.Status) { LanguageHint = HintOf(verb) };
            case "humano" or "humain" or "mensch":
                return words.Length == 0 ? new ParsedCommand(CommandKind.Human) { LanguageHint = HintOf(verb) } : new ParsedCommand(CommandKind.Unknown);
            case "language" or "lang" or "idioma" or "langue" or "sprache":
                return WithTarget(ParseLanguage(words) with { LanguageHint = HintOf(verb) }, targetName, targetId);
            case "pause" or "snooze" or "hold" or "stop":
                return WithTarget(ParsePause(words), targetName, targetId);
            case "resume" or "unpause" or "continue":
                return words.Length == 0
                    ? WithTarget(new ParsedCommand(CommandKind.Resume), targetName, targetId)
                    : ParsedCommand.Invalid(CommandKind.Resume, HelpTexts.ResumeNoArgument);
            case "mode":
                return WithTarget(ParseMode(words), targetName, targetId);
            case "students":
                return words.Length == 0 ? new ParsedCommand(CommandKind.Students) : new ParsedCommand(CommandKind.Unknown);
            case "forget" or "erase":
                return ParseForget(words);
            case "human" or "mentor" or "person":
                return words.Length == 0 ? new ParsedCommand(CommandKind.Human) : new ParsedCommand(CommandKind.Unknown);
            case "accept" or "decline":
                return ParseConsent(verb == "accept" ? CommandKind.Accept : CommandKind.Decline, targetId, words);
            case "send" or "approve":
                return ParseDraftId(CommandKind.DraftSend, words);
            case "skip" or "discard" or "drop" or "reject":
                return ParseDraftId(CommandKind.DraftSkip, words);
        }

        // Phrases of a few words.
        var phrase = string.Join(' ', all);
        if (all.Length == 2 && all[1] == "mode" && ModeWord(all[0]) is { } spokenMode)
            return WithTarget(new ParsedCommand(CommandKind.Mode) { Mode = spokenMode }, targetName, targetId);
        switch (phrase)
        {
            case "what can you do" or "what can i do" or "how does this work":
                return new ParsedCommand(CommandKind.Help);
            case "my students" or "list students" or "list my students" or "who are my students" or "show my students":
                return new ParsedCommand(CommandKind.Students);
            case "my profile" or "my style" or "my status" or "show status":
                return new ParsedCommand(CommandKind.Status);
            case "delete my data" or "delete me" or "erase my data" or "remove my data":
                return new ParsedCommand(CommandKind.Forget);
        }
        if (HumanPhrase().IsMatch(phrase))
            return new ParsedCommand(CommandKind.Human);

        return new ParsedCommand(CommandKind.Unknown);
    }

    /// <summary>The one language a localised command word belongs to; null for English words and for "estado", "humano", "idioma" (Spanish and Portuguese alike).</summary>
    private static string? HintOf(string verb) => verb switch
    {
        "ayuda" => "es",
        "ajuda" => "pt",
        "aide" or "statut" or "humain" or "langue" => "fr",
        "hilfe" or "mensch" or "sprache" => "de",
        _ => null,
    };

    /// <summary>`language` (show), `language es` / `language Deutsch` (set), `language auto` (clear: the mentor's writing decides).</summary>
    private static ParsedCommand ParseLanguage(string[] words) => words switch
    {
        [] => new ParsedCommand(CommandKind.Language),
        ["auto" or "automatic" or "off" or "clear" or "reset" or "none" or "default"] => new ParsedCommand(CommandKind.Language) { Text = "auto" },
        [var word] when Languages.Language.Parse(word) is { } code => new ParsedCommand(CommandKind.Language) { Text = code },
        // "pt-BR" and "pt_BR" are split into two words by Words(); a region does not change the bot's texts.
        [var code, _] when code.Length == 2 && Languages.Language.Parse(code) is { } lang => new ParsedCommand(CommandKind.Language) { Text = lang },
        _ => ParsedCommand.Invalid(CommandKind.Language, HelpTexts.LanguageUnknown, ("language", string.Join(' ', words))),
    };

    /// <summary>`quiet off`, or `quiet 22-7 [time zone]` (also "22:00-07:00", "22 to 7"); the zone keeps its case.</summary>
    private static ParsedCommand ParseQuiet(string rest)
    {
        var text = rest.Trim();
        if (text.Length == 0 || text.Equals("off", StringComparison.OrdinalIgnoreCase) || text.Equals("none", StringComparison.OrdinalIgnoreCase)
            || text.Equals("clear", StringComparison.OrdinalIgnoreCase))
            return new ParsedCommand(CommandKind.Quiet);
        var match = QuietHoursPattern().Match(text);
        if (!match.Success)
            return ParsedCommand.Invalid(CommandKind.Quiet, HelpTexts.QuietFormat);
        var start = int.Parse(match.Groups["start"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups["end"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var zone = match.Groups["zone"].Success ? match.Groups["zone"].Value : "UTC";
        if (start > 23 || end > 23 || start == end)
            return ParsedCommand.Invalid(CommandKind.Quiet, HelpTexts.QuietRange);
        if (Timing.QuietWindow.TryFindZone(zone) is null)
            return ParsedCommand.Invalid(CommandKind.Quiet, HelpTexts.QuietZone, ("zone", zone));
        return new ParsedCommand(CommandKind.Quiet) { QuietHours = new MentorQuietHours(start, end, zone) };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<start>\d{1,2})(?::00)?\s*(?:-|–|to)\s*(?<end>\d{1,2})(?::00)?(?:\s+(?<zone>[A-Za-z_+\-/0-9]+))?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex QuietHoursPattern();

    private static ParsedCommand ParsePersona(string rest)
    {
        var note = rest.Trim();
        if (note.Length == 0)
            return new ParsedCommand(CommandKind.PersonaShow);
        if (Words(note) is [("clear" or "reset" or "remove" or "none" or "off" or "delete")])
            return new ParsedCommand(CommandKind.PersonaClear);
        if (note.Length > MaxPersonaLength)
            return ParsedCommand.Invalid(CommandKind.PersonaSet, HelpTexts.PersonaTooLong, ("max", MaxPersonaLength), ("length", note.Length));
        return new ParsedCommand(CommandKind.PersonaSet) { Text = note };
    }

    private static ParsedCommand ParseEdit(string rest)
    {
        long? id = null;
        var m = EditId().Match(rest);
        if (m.Success)
        {
            if (!long.TryParse(m.Groups["id"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
                return ParsedCommand.Invalid(CommandKind.DraftEdit, HelpTexts.EditBadId);
            id = parsed;
            rest = rest[m.Length..];
        }
        var text = rest.Trim();
        if (text.Length == 0)
            return ParsedCommand.Invalid(CommandKind.DraftEdit, HelpTexts.EditNoText);
        if (text.Length > MaxEditLength)
            return ParsedCommand.Invalid(CommandKind.DraftEdit, HelpTexts.EditTooLong, ("max", MaxEditLength));
        return new ParsedCommand(CommandKind.DraftEdit) { DraftId = id, Text = text };
    }

    private static ParsedCommand ParsePause(string[] words)
    {
        if (words.Length == 0)
            return new ParsedCommand(CommandKind.Pause);
        var spec = string.Join(' ', words[0] == "for" ? words[1..] : words);
        var m = DurationSpec().Match(spec);
        if (!m.Success)
            return ParsedCommand.Invalid(CommandKind.Pause, HelpTexts.PauseFormat);
        var total = TimeSpan.Zero;
        var amounts = m.Groups["n"].Captures;
        var units = m.Groups["unit"].Captures;
        for (var i = 0; i < amounts.Count; i++)
        {
            var amountText = amounts[i].Value;
            double amount = amountText is "a" or "an" or "one" ? 1 : double.Parse(amountText, NumberStyles.None, CultureInfo.InvariantCulture);
            var part = units[i].Value[0] switch
            {
                'm' => TimeSpan.FromMinutes(Math.Min(amount, MaxPause.TotalMinutes + 1)),
                'h' => TimeSpan.FromHours(Math.Min(amount, MaxPause.TotalHours + 1)),
                'd' => TimeSpan.FromDays(Math.Min(amount, MaxPause.TotalDays + 1)),
                _ => TimeSpan.FromDays(Math.Min(amount * 7, MaxPause.TotalDays + 1)),
            };
            total += part;
            if (total > MaxPause) break;
        }
        if (total <= TimeSpan.Zero)
            return ParsedCommand.Invalid(CommandKind.Pause, HelpTexts.PauseZero);
        if (total > MaxPause)
            return ParsedCommand.Invalid(CommandKind.Pause, HelpTexts.PauseTooLong, ("days", (long)MaxPause.TotalDays));
        return new ParsedCommand(CommandKind.Pause) { Duration = total };
    }

    private static ParsedCommand ParseMode(string[] words)
    {
        if (words.Length == 1 && ModeWord(words[0]) is { } mode)
            return new ParsedCommand(CommandKind.Mode) { Mode = mode };
        return ParsedCommand.Invalid(CommandKind.Mode, HelpTexts.ModeChoose);
    }

    private static ReplyMode? ModeWord(string word) => word switch
    {
        "auto" or "automatic" or "on" => ReplyMode.Auto,
        "draft" or "drafts" or "review" => ReplyMode.Draft,
        "off" or "learn" or "silent" => ReplyMode.Off,
        _ => null,
    };

    private static ParsedCommand ParseForget(string[] words) => words switch
    {
        [] or ["me"] or ["everything"] or ["my", "data"] or ["about", "me"] => new ParsedCommand(CommandKind.Forget),
        ["confirm", var code] => new ParsedCommand(CommandKind.ForgetConfirm) { Code = code.ToUpperInvariant() },
        ["confirm"] => ParsedCommand.Invalid(CommandKind.ForgetConfirm, HelpTexts.ForgetNeedsCode),
        ["cancel"] or ["abort"] or ["no"] => new ParsedCommand(CommandKind.ForgetCancel),
        _ => new ParsedCommand(CommandKind.Unknown),
    };

    private static ParsedCommand ParseDraftId(CommandKind kind, string[] words)
    {
        switch (words)
        {
            case []:
                return new ParsedCommand(kind);
            case [var token] when long.TryParse(token.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0:
                return new ParsedCommand(kind) { DraftId = id };
            default:
                return ParsedCommand.Invalid(kind, HelpTexts.DraftIdOnly);
        }
    }

    private static ParsedCommand WithTarget(ParsedCommand command, string? name, long? id) =>
        name is null ? command : command with { TargetName = name, TargetUserId = id };

    /// <summary>Drops leading mentions ("@**Bot**", "@_**Bot|12**"), whitespace and command prefixes ("/", "!").</summary>
    internal static string StripLeading(string text)
    {
        var s = text.AsSpan().Trim();
        while (true)
        {
            var m = LeadingMention().Match(s.ToString());
            if (m.Success)
            {
                s = s[m.Length..].TrimStart();
                continue;
            }
            if (s.Length > 0 && s[0] is '/' or '!' or ':' or ',' or '-')
            {
                s = s[1..].TrimStart();
                continue;
            }
            return s.ToString();
        }
    }

    /// <summary>The first word, lower-cased and without punctuation, and the untouched rest.</summary>
    private static (string Verb, string Remainder) SplitVerb(string body)
    {
        var i = 0;
        while (i < body.Length && char.IsLetter(body[i])) i++;
        var verb = body[..i].ToLowerInvariant();
        var rest = body[i..];
        // "edit: text", "persona - text", "send, 12": separators after the verb are not part of the argument.
        var j = 0;
        while (j < rest.Length && (rest[j] is ':' or ',' or '-' or '.' or '!' || (rest[j] is ' ' or '\t'))) j++;
        if (j < rest.Length && rest[j] is '\r' or '\n')
        {
            // Keep a multi-line argument's own line breaks; drop only the separator line's end.
            while (j < rest.Length && rest[j] is '\r' or '\n') j++;
        }
        return (verb, rest[j..]);
    }

    /// <summary>Lower-cased words with punctuation dropped ('#' kept for draft numbers).</summary>
    private static string[] Words(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(char.IsLetterOrDigit(c) || c == '#' ? char.ToLowerInvariant(c) : ' ');
        return sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>`accept 123`, `accept @**Sam|123**`: the user id the bot's question named.</summary>
    private static ParsedCommand ParseConsent(CommandKind kind, long? mentionedId, string[] words)
    {
        long? id = mentionedId;
        if (id is null && words is [var word] && long.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            id = parsed;
        if (id is not > 0 || (mentionedId is not null && words.Length > 0) || (mentionedId is null && words.Length != 1))
            return ParsedCommand.Invalid(kind, HelpTexts.ConsentNeedsId, ("verb", kind == CommandKind.Accept ? "accept" : "decline"));
        return new ParsedCommand(kind) { StudentId = id };
    }

    private static (string? Name, long? Id, string Remainder) ExtractMention(string rest)
    {
        var m = AnyMention().Match(rest);
        if (!m.Success)
            return (null, null, rest);
        long? id = long.TryParse(m.Groups["id"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        return (m.Groups["name"].Value.Trim(), id, rest.Remove(m.Index, m.Length));
    }

    [GeneratedRegex(@"^@_?\*\*[^*]+\*\*")]
    private static partial Regex LeadingMention();

    [GeneratedRegex(@"@_?\*\*(?<name>[^*|]+)(?:\|(?<id>\d+))?\*\*")]
    private static partial Regex AnyMention();

    // "2h", "2 hours", "1h30m", "1 h and 30 min", "an hour".
    [GeneratedRegex(@"^(?:(?<n>\d{1,6}|an?|one)\s?(?<unit>minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w)(?:\s+and\s+|\s+|(?=\d)|$))+$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationSpec();

    [GeneratedRegex(@"^\s*#?(?<id>\d{1,18})(?:\s*[:\r\n]|\s+|$)")]
    private static partial Regex EditId();

    [GeneratedRegex(@"^(?:i want to |i d like to |can i |could i |please |let me )?(?:talk|speak|chat) (?:to|with) (?:my |a |the |an? )?(?:mentor|human|real person|person)(?: please)?$|^(?:i want |i need )?(?:a |my )?(?:human|real person|mentor)(?: please)?$")]
    private static partial Regex HumanPhrase();
}
