using System.Text.RegularExpressions;

namespace MentorFunctions.Core.Timing;

/// <summary>
/// How urgent a student message reads, 0 (no hurry) to 1 (drop everything). Signals add up as evidence and are squashed
/// smoothly (1 - e^-x), so two weak hints count for more than one but nothing saturates on a single word; an explicit
/// "no rush" outweighs the rest. Content is only scored, never logged.
/// </summary>
public sealed partial class UrgencyScorer
{
    private static readonly (Regex Pattern, double Weight)[] Signals =
    [
        (Urgent(), 1.2),
        (Emergency(), 1.6),
        (Asap(), 1.2),
        (RightNow(), 0.9),
        (Blocked(), 0.6),
        (Help(), 0.35),
        (Deadline(), 0.7),
        (Today(), 0.55),
        (WithinMinutesOrHours(), 0.9),
        (Tomorrow(), 0.3),
        (HighStakes(), 0.5),
    ];

    /// <summary>Scores a message; empty or whitespace text is 0.</summary>
    public double Score(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return 0;

        // Negated urgency ("not urgent", "no rush") first: it is removed so "urgent" inside it is not counted too.
        var calmHits = Calm().Count(text);
        var rest = calmHits > 0 ? Calm().Replace(text, " ") : text;

        double evidence = 0;
        foreach (var (pattern, weight) in Signals)
        {
            var hits = pattern.Count(rest);
            if (hits > 0)
                evidence += weight * (1 + 0.25 * Math.Min(hits - 1, 2)); // repetition adds a little, not linearly
        }

        evidence += PunctuationEvidence(rest);
        evidence += ShoutingEvidence(rest);
        evidence -= 1.5 * Math.Min(calmHits, 2);

        return evidence <= 0 ? 0 : 1 - Math.Exp(-evidence);
    }

    private static double PunctuationEvidence(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c is '?' or '!' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest switch { >= 4 => 0.5, >= 2 => 0.3, _ => 0 };
    }

    /// <summary>Mostly capital letters over a meaningful stretch reads as raised voice; single acronyms do not.</summary>
    private static double ShoutingEvidence(string text)
    {
        int letters = 0, upper = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
                continue;
            letters++;
            if (char.IsUpper(c))
                upper++;
        }
        return letters >= 8 && upper >= 0.7 * letters ? 0.7 : 0;
    }

    [GeneratedRegex(@"\b(no|not\s+a)\s+(rush|hurry|pressure)\b|\bnot\s+(urgent|important|pressing)\b|\b(whenever|take\s+your\s+time|when\s+you\s+(have|get)\s+(a\s+)?(time|chance|minute|moment)|no\s+worries|low\s+priority|at\s+your\s+convenience)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Calm();

    [GeneratedRegex(@"\burgent(ly)?\b|\burgency\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Urgent();

    [GeneratedRegex(@"\bemergenc(y|ies)\b|\bcritical\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Emergency();

    [GeneratedRegex(@"\basap\b|\bas\s+soon\s+as\s+(possible|you\s+can)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Asap();

    [GeneratedRegex(@"\b(right\s+now|immediately|right\s+away|quick(ly)?\s+question)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RightNow();

    [GeneratedRegex(@"\b(blocked|stuck|can'?t\s+(continue|proceed|submit)|broken|failing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Blocked();

    [GeneratedRegex(@"\b(help|please)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Help();

    [GeneratedRegex(@"\b(deadline|due|cut-?off)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Deadline();

    [GeneratedRegex(@"\b(today|tonight|this\s+(morning|afternoon|evening))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Today();

    [GeneratedRegex(@"\b(in|within)\s+(an?|one|two|three|a\s+few|\d{1,3})\s+(min(ute)?s?|hours?|hrs?)\b|\b(before|by)\s+\d{1,2}(:\d{2})?\s*(am|pm)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithinMinutesOrHours();

    [GeneratedRegex(@"\btomorrow\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tomorrow();

    [GeneratedRegex(@"\b(exams?|midterms?|finals?|tests?|quiz|interviews?|submission|submit|presentation|defen[cs]e)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HighStakes();
}
