using System.Text.RegularExpressions;
using MentorFunctions.Core.Languages;

namespace MentorFunctions.Core.Safety;

/// <summary>
/// Recognises a student message that signals suicide, self-harm, abuse, violence or acute panic, in English, Spanish,
/// Portuguese, French and German. It reads sentence by sentence and clause by clause:
/// <list type="number">
/// <item>a sentence about a story, song, game or school essay is set aside, unless the student says it is about
/// them too ("the song says ... and that's how I feel"); what the message says about someone else is set aside when
/// such a frame stands anywhere in it;</item>
/// <item>figures of speech are removed ("this homework is killing me", "me muero de risa");</item>
/// <item>multi-word patterns then match first-person statements, reports about a friend, and disclosures;</item>
/// <item>a negation just before a match cancels it ("I'm not suicidal, just tired", "I would never hurt myself"),
/// unless hedged ("not yet", "I don't think I would") — a hedged denial still reaches a human.</item>
/// </list>
/// A plain denial ("I'm not going to kill myself") is taken at its word: the stand-in answers, and the urgency of
/// the words raises the reply's priority. It errs towards a human: a false alarm costs the mentor one personal reply,
/// a miss costs far more. Content is only matched, never logged.
/// </summary>
public sealed partial class DistressDetector
{
    private readonly IReadOnlyList<DistressLexicon> _lexicons;

    public DistressDetector() : this(DistressLexicons.All) { }

    public DistressDetector(IReadOnlyList<DistressLexicon> lexicons) => _lexicons = lexicons;

    public DistressAssessment Assess(string? text)
    {
        var normalized = SafetyText.Normalize(text);
        if (normalized.Length == 0)
            return DistressAssessment.None;
        // Spanish read with Portuguese rules (or the reverse) misses the other's negations and fiction words.
        var plausible = LanguageDetector.Plausible(normalized);
        foreach (var lexicon in _lexicons)
        {
            if (!plausible.Contains(lexicon.Language))
                continue;
            var prepared = lexicon.Prepare(normalized);
            // A story or essay named anywhere in the message frames what it says about other people, unless the student
            // is passing on what someone they know said: a report about a real person is never framed away.
            var reported = lexicon.Reporter?.IsMatch(prepared) == true;
            var framed = (lexicon.Fiction.IsMatch(prepared) || lexicon.Assignment?.IsMatch(prepared) == true) && !lexicon.SelfRelate.IsMatch(prepared) && !reported;
            foreach (var sentence in SafetyText.Sentences(prepared))
            {
                if (lexicon.Fiction.IsMatch(sentence) && !lexicon.SelfRelate.IsMatch(sentence) && lexicon.Reporter?.IsMatch(sentence) != true)
                    continue;
                foreach (var clause in SafetyText.Clauses(sentence))
                {
                    if (Match(lexicon, clause, framed) is { } kind)
                        return new DistressAssessment(kind, lexicon.Language);
                }
            }
        }
        return DistressAssessment.None;
    }

    public bool IsDistress(string? text) => Assess(text).IsDistress;

    private static DistressKind? Match(DistressLexicon lexicon, string clause, bool framed)
    {
        // A removed figure of speech leaves a barrier, so the words around it cannot join into a pattern.
        var text = lexicon.Hyperbole.Replace(clause, " | ");
        foreach (var pattern in lexicon.Patterns)
        {
            if (framed && pattern.Context.HasFlag(PatternContext.Reported))
                continue;
            foreach (Match m in pattern.Pattern.Matches(text))
            {
                if (pattern.Context.HasFlag(PatternContext.Negatable) && IsNegated(lexicon, text, m))
                    continue;
                if (pattern.Context.HasFlag(PatternContext.Accidental) && lexicon.Accident.IsMatch(text) && !lexicon.Deliberate.IsMatch(text))
                    continue;
                if (pattern.Context.HasFlag(PatternContext.Jokey) && lexicon.Joke.IsMatch(text))
                    continue;
                if (pattern.Context.HasFlag(PatternContext.AgainstOthers) && lexicon.Grievance?.IsMatch(text) == true)
                    continue;
                if (pattern.Context.HasFlag(PatternContext.Current) && lexicon.Past.IsMatch(clause) && !Present().IsMatch(clause))
                    continue;
                return pattern.Kind;
            }
        }
        return null;
    }

    /// <summary>Words that bring a past episode into the present ("again", "yesterday", "otra vez", "wieder").</summary>
    [GeneratedRegex(@"\b(again|yesterday|today|tonight|last night|still|currently|this week|otra vez|de nuevo|ayer|hoy|anoche|todavia|de novo|ontem|hoje|ainda|encore|hier|aujourd hui|wieder|gestern|heute|immer noch)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Present();

    /// <summary>
    /// A negation within a few words before the match (not across a comma, colon or barrier), or inside it for
    /// languages that negate mid-phrase, cancels it; a hedge near it undoes the negation.
    /// </summary>
    private static bool IsNegated(DistressLexicon lexicon, string text, Match match)
    {
        var before = text[..match.Index];
        var cut = before.LastIndexOfAny([',', ':', '|', '(', ')', '-']);
        if (cut >= 0)
            before = before[(cut + 1)..];
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var window = string.Join(' ', words.Skip(Math.Max(0, words.Length - lexicon.NegationWindow)));
        var negated = lexicon.Negator.IsMatch(window) || (lexicon.NegationInsideMatch && lexicon.Negator.IsMatch(match.Value));
        if (!negated)
            return false;
        var after = text[(match.Index + match.Length)..];
        var stop = after.IndexOfAny([',', ':', '|', ';']);
        if (stop >= 0)
            after = after[..stop];
        if (after.Length > 24)
            after = after[..24];
        return !lexicon.Hedge.IsMatch(string.Join(' ', words) + " " + match.Value + " " + after);
    }
}

/// <summary>The lexicons the detector reads by default: English, Spanish, Portuguese, French, German.</summary>
public static class DistressLexicons
{
    public static IReadOnlyList<DistressLexicon> All { get; } =
    [
        EnglishDistress.Lexicon,
        SpanishDistress.Lexicon,
        PortugueseDistress.Lexicon,
        FrenchDistress.Lexicon,
        GermanDistress.Lexicon,
    ];
}
