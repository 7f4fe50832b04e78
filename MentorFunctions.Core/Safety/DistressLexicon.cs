using System.Text.RegularExpressions;

namespace MentorFunctions.Core.Safety;

/// <summary>How a pattern reacts to its context.</summary>
[Flags]
public enum PatternContext
{
    /// <summary>The pattern carries its own negation ("don't want to live anymore"): nothing before it cancels it.</summary>
    Absolute = 0,
    /// <summary>A negation just before it ("I'm not suicidal", "I would never hurt myself") cancels it, unless hedged.</summary>
    Negatable = 1,
    /// <summary>An accident context ("cut myself cooking", "hurt myself at football") cancels it.</summary>
    Accidental = 2,
    /// <summary>A joke or a trivial reason ("for eating my pizza", "lol") cancels it: hyperbole about other people.</summary>
    Jokey = 4,
    /// <summary>Only a present state counts: "I had panic attacks years ago" is history, not an emergency.</summary>
    Current = 8,
    /// <summary>
    /// About someone else ("killed himself", "se suicidó"): set aside when the message frames a story, essay or song
    /// anywhere, not only in the same sentence ("Is Hamlet thinking about killing himself? It's for my essay").
    /// </summary>
    Reported = 16,
    /// <summary>The student threatens someone else: a petty grievance (<see cref="DistressLexicon.Grievance"/>) makes it a figure of speech.</summary>
    AgainstOthers = 32,
}

/// <summary>One distress pattern of a language: a multi-word expression, never a lone keyword.</summary>
public sealed record DistressPattern(DistressKind Kind, Regex Pattern, PatternContext Context);

/// <summary>
/// A language's distress patterns and the context patterns that cancel them: fiction and quoting, hyperbole, negation
/// (and the hedges that undo a negation), accidents and jokes. Every regex runs on <see cref="SafetyText.Normalize"/>d
/// text after <see cref="Prepare"/>.
/// </summary>
public sealed class DistressLexicon
{
    public required string Language { get; init; }

    /// <summary>Language-specific rewriting before matching (e.g. English contractions "don't" → "do not").</summary>
    public Func<string, string> Prepare { get; init; } = static s => s;

    /// <summary>The sentence talks about a story, song, game, essay...: what it contains is not the student's own state.</summary>
    public required Regex Fiction { get; init; }

    /// <summary>
    /// A school task named anywhere in the message ("need it for my essay"): with <see cref="Fiction"/>, it frames what
    /// the message says about other people (<see cref="PatternContext.Reported"/>), not what the student says of themself.
    /// </summary>
    public Regex? Assignment { get; init; }

    /// <summary>
    /// The student passes on what a friend, classmate, relative or "someone I know" said ("my friend told me..."):
    /// a real report, so no story or school word elsewhere in the message frames it away.
    /// </summary>
    public Regex? Reporter { get; init; }

    /// <summary>Within a fiction sentence, the student says it is about them too ("that's how I feel").</summary>
    public required Regex SelfRelate { get; init; }

    /// <summary>Figures of speech removed before matching ("this homework is killing me", "dying of laughter").</summary>
    public required Regex Hyperbole { get; init; }

    /// <summary>Negation words looked for just before a <see cref="PatternContext.Negatable"/> match.</summary>
    public required Regex Negator { get; init; }

    /// <summary>How many words before a match a negation may stand.</summary>
    public int NegationWindow { get; init; } = 3;

    /// <summary>Languages that negate inside the phrase ("ich will mich nicht umbringen") check the match itself too.</summary>
    public bool NegationInsideMatch { get; init; }

    /// <summary>Words that make a denial uncertain ("not yet", "I don't think I would"): then it does not cancel.</summary>
    public required Regex Hedge { get; init; }

    public required Regex Accident { get; init; }

    /// <summary>Accident words are overruled by these ("again", "on purpose").</summary>
    public required Regex Deliberate { get; init; }

    public required Regex Joke { get; init; }

    /// <summary>
    /// A petty grievance ("my sister took my charger", "il a mangé mes chips"): a threat against whoever did it is a
    /// figure of speech. It cancels <see cref="PatternContext.AgainstOthers"/> threats only, never a threat to the student or
    /// what they say about themself ("he took my photos, I want to die" still reaches a person).
    /// </summary>
    public Regex? Grievance { get; init; }

    /// <summary>The clause is about the past ("years ago", "hace años", "vor Jahren").</summary>
    public required Regex Past { get; init; }

    public required IReadOnlyList<DistressPattern> Patterns { get; init; }

    internal static Regex R(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    internal static DistressPattern P(DistressKind kind, PatternContext context, string pattern) => new(kind, R(pattern), context);

    /// <summary>Laughter and joke markers shared by every language ("lol", "haha", "jaja", "kkkk", "mdr", emoji).</summary>
    internal const string Laughter = @"\b(lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jaja\w*|jeje\w*|kkk+|rsrs\w*|mdr|ptdr|xd|jk)\b|😂|🤣|😆|😅|💀|🙃|😜";
}
