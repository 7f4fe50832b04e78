using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MentorFunctions.Core.Safety;

/// <summary>
/// The one text form the safety checks read: lower case, accents folded ("está" → "esta", "müde" → "muede"), curly
/// quotes straightened, whitespace collapsed. Patterns are written against this form, so "Estoy MUY mal" and
/// "estoy muy mal" read the same.
/// </summary>
public static partial class SafetyText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var sb = new StringBuilder(text.Length + 8);
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            switch (c)
            {
                // German umlauts fold to their two-letter spelling, so "möchte" and "moechte" meet.
                case 'ä': sb.Append("ae"); break;
                case 'ö': sb.Append("oe"); break;
                case 'ü': sb.Append("ue"); break;
                case 'ß': sb.Append("ss"); break;
                case '’' or '‘' or '`' or '´' or 'ʼ': sb.Append('\''); break;
                case '“' or '”' or '«' or '»' or '„': sb.Append('"'); break;
                case '\u00A0' or '\t': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }
        var decomposed = sb.ToString().Normalize(NormalizationForm.FormD);
        sb.Clear();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(c);
        }
        return Spaces().Replace(sb.ToString().Normalize(NormalizationForm.FormC), " ").Trim();
    }

    /// <summary>
    /// Sentences: split at full stops, question and exclamation marks, semicolons and line breaks, but not at an ellipsis,
    /// which carries a thought on ("I won't do it... yet").
    /// </summary>
    public static IEnumerable<string> Sentences(string normalized) =>
        SentenceBreak().Split(normalized).Select(s => s.Trim()).Where(s => s.Length > 0);

    /// <summary>
    /// Clauses of a sentence, split at contrast words ("but", "pero", ", mas", ", mais", "aber"...), so a denial in one
    /// clause ("I'm not suicidal, but I want to disappear forever") does not cancel what the next one says.
    /// </summary>
    public static IEnumerable<string> Clauses(string sentence) =>
        ClauseBreak().Split(sentence).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<!\.)\.(?!\.)(?=\s|$|[""'])|[!?;\n\r]+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s*\b(?:but|however|though|although|pero|sino|aunque|porem|pourtant|cependant|aber|sondern|jedoch)\b\s*|,\s*(?:mas|mais|doch|y aun asi|e mesmo assim)\b\s*")]
    private static partial Regex ClauseBreak();
}
