using System.Text.RegularExpressions;
using MentorFunctions.Core.Safety;

namespace MentorFunctions.Core.Timing;

/// <summary>
/// How urgent a student message reads, 0 (no hurry) to 1 (drop everything). Signals add up as evidence and are squashed
/// smoothly (1 - e^-x), so two weak hints count for more than one but nothing saturates on a single word; an explicit
/// "no rush" outweighs the rest. English, Spanish, Portuguese, French and German; stress and frustration
/// (<see cref="StrainDetector"/>) count too. Content is only scored, never logged.
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

    /// <summary>Stress, frustration or worry (<see cref="StrainDetector"/>) counts like a deadline: a person is waiting.</summary>
    private const double StrainWeight = 0.8;

    /// <summary>Scores a message; empty or whitespace text is 0.</summary>
    public double Score(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return 0;

        // Patterns read the accent-folded lower-case form ("mañana" → "manana"), in English, Spanish, Portuguese,
        // French and German; shouting is judged on the text as written.
        var normalized = SafetyText.Normalize(text);

        // Negated urgency ("not urgent", "no rush", "sin prisa") first: it is removed so "urgent" inside it is not counted too.
        var calmHits = Calm().Count(normalized);
        var rest = calmHits > 0 ? Calm().Replace(normalized, " ") : normalized;

        double evidence = 0;
        foreach (var (pattern, weight) in Signals)
        {
            var hits = pattern.Count(rest);
            if (hits > 0)
                evidence += weight * (1 + 0.25 * Math.Min(hits - 1, 2)); // repetition adds a little, not linearly
        }

        var strain = StrainDetector.Count(rest);
        if (strain > 0)
            evidence += StrainWeight * (1 + 0.25 * Math.Min(strain - 1, 2));

        evidence += PunctuationEvidence(rest);
        evidence += ShoutingEvidence(calmHits > 0 ? rest : text);
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

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(no|not\s+a)\s+(rush|hurry|pressure)\b|\bnot\s+(urgent|important|pressing)\b|\b(whenever|take\s+your\s+time|when\s+you\s+(have|get)\s+(a\s+)?(time|chance|minute|moment)|no\s+worries|low\s+priority|at\s+your\s+convenience)\b" +
        @"|\b(sin prisa|no hay prisa|no es urgente|cuando puedas|con calma|sem pressa|nao e urgente|quando puder|com calma|pas de presse|pas presse|rien ne presse|pas urgent|c est pas urgent|quand tu peux|quand vous pouvez|quand tu auras le temps|keine eile|nicht dringend|wenn du zeit hast|in ruhe|kein stress)\b", Options)]
    private static partial Regex Calm();

    [GeneratedRegex(@"\burgent(ly|e|es|ement)?\b|\burgen(cy|cia|ce)\b|\bdringend\b|\beilig\b", Options)]
    private static partial Regex Urgent();

    [GeneratedRegex(@"\bemergenc(y|ies|ia|ias)\b|\bcritic(al|o|a)\b|\bnotfall\b|\bsos\b", Options)]
    private static partial Regex Emergency();

    [GeneratedRegex(@"\basap\b|\bas\s+soon\s+as\s+(possible|you\s+can)\b|\b(lo )?(antes|mas pronto) posible\b|\bcuanto antes\b|\bo (quanto )?antes( possivel)?\b|\bo mais rapido possivel\b|\bdes que possible\b|\ble plus vite possible\b|\bau plus vite\b|\bso schnell wie moeglich\b|\bschnellstmoeglich\b|\bmoeglichst schnell\b", Options)]
    private static partial Regex Asap();

    [GeneratedRegex(@"\b(right\s+now|immediately|right\s+away|quick(ly)?\s+question|ahora mismo|ya mismo|inmediatamente|agora mesmo|imediatamente|tout de suite|immediatement|sofort|jetzt sofort)\b", Options)]
    private static partial Regex RightNow();

    [GeneratedRegex(@"\b(blocked|stuck|(can'?t|cannot)\s+(continue|proceed|submit)|broken|failing|bloquead[oa]|atascad[oa]|no (puedo|consigo) (continuar|seguir|entregar)|travad[oa]|empacad[oa]|nao consigo (continuar|entregar)|bloquee?|coincee?|komme nicht weiter|haenge fest|blockiert|funktioniert nicht|no funciona|nao funciona|ne marche pas|ne fonctionne pas)\b", Options)]
    private static partial Regex Blocked();

    [GeneratedRegex(@"\b(help|please|ayuda|ayudame|por favor|ajuda|me ajuda|aide|aidez moi|s il te plait|s il vous plait|stp|svp|hilfe|bitte)\b", Options)]
    private static partial Regex Help();

    [GeneratedRegex(@"\b(deadline|due|cut-?off|plazo|fecha limite|prazo|date limite|rendu|abgabe|frist|abgabetermin)\b", Options)]
    private static partial Regex Deadline();

    [GeneratedRegex(@"\b(today|tonight|this\s+(morning|afternoon|evening)|hoy|esta noche|esta tarde|hoje|hoje a noite|esta noite|aujourd'?\s?hui|ce soir|ce matin|cet apres-?\s?midi|heute|heute abend|heute nacht|heute morgen)\b", Options)]
    private static partial Regex Today();

    [GeneratedRegex(@"\b(in|within)\s+(an?|one|two|three|a\s+few|\d{1,3})\s+(min(ute)?s?|hours?|hrs?)\b|\b(before|by)\s+\d{1,2}(:\d{2})?\s*(am|pm)?\b" +
        @"|\b(en|dentro de) (una|un|media|dos|tres|unos|unas|\d{1,3}) (minutos?|horas?)\b|\bem (uma|um|meia|duas|dois|tres|alguns|algumas|\d{1,3}) (minutos?|horas?)\b|\bdans (une|un|deux|trois|quelques|\d{1,3}) (minutes?|heures?)\b|\bin (einer|einem|zwei|drei|ein paar|\d{1,3}) (minuten?|stunden?)\b|\b(antes de las|antes das|avant|bis) \d{1,2}(h|:\d{2})?\b", Options)]
    private static partial Regex WithinMinutesOrHours();

    [GeneratedRegex(@"\b(tomorrow|manana|amanha|demain|morgen)\b", Options)]
    private static partial Regex Tomorrow();

    [GeneratedRegex(@"\b(exams?|midterms?|finals?|tests?|quiz|interviews?|submission|submit|presentation|defen[cs]e|examen(es)?|parcial(es)?|prueba|entrevista|presentacion|exposicion|exame|provas?|apresentacao|seminario|partiel|controle|entretien|soutenance|pruefung|klausur|vorstellungsgespraech|referat|praesentation)\b", Options)]
    private static partial Regex HighStakes();
}
