using System.Globalization;

namespace MentorFunctions.Core.Style;

/// <summary>
/// What version 3 learns, said in words a model can follow: punctuation that stands out against ordinary chat,
/// "i" for "I", lower-case sentence starts, capitals, line breaks, sentence length, favourite filler words and the
/// language the mentor mostly writes in. Only habits with enough evidence are said.
/// </summary>
public static class StyleHabits
{
    public const int MaxHabits = 8;
    private const long MinChars = 1500;

    // Rough per-1,000-character rates of ordinary chat, to say what stands out.
    private static readonly (Mark Mark, double Typical, string Name)[] Punctuation =
    [
        (Mark.Comma, 12, "commas"), (Mark.Semicolon, 0.4, "semicolons"), (Mark.Colon, 1.2, "colons"), (Mark.Dash, 1.0, "dashes"),
        (Mark.Parenthesis, 1.2, "parentheses"), (Mark.Ellipsis, 1.0, "ellipses (...)"), (Mark.ExclamationMark, 3, "exclamation marks"),
        (Mark.QuestionMark, 4, "question marks"), (Mark.QuoteMark, 1.0, "double quotes"), (Mark.AsciiSmiley, 0.8, "text smileys such as :)"),
    ];

    private static readonly string[] Fillers =
        ["just", "actually", "really", "maybe", "probably", "pretty", "quite", "anyway", "yeah", "yep", "ok", "okay", "lol", "haha", "hmm", "oh", "well", "sure", "gonna", "basically", "né", "tá", "pues", "vale", "alors", "voilà", "doch", "mal", "halt"];

    public static IReadOnlyList<string> Describe(StyleProfile? profile)
    {
        var habits = new List<string>();
        if (profile is null || profile.TextChars < MinChars) return habits;
        var m = profile.Marks;
        var perThousand = 1000.0 / profile.TextChars;

        if (Language(profile) is { } language) habits.Add(WritesIn(language));
        var lower = m[(int)Mark.LowerI];
        var upper = m[(int)Mark.UpperI];
        if (lower + upper >= 10 && lower >= upper)
            habits.Add(F($"Writes the pronoun \"I\" in lower case (\"i\", \"i'm\") {Share(lower, lower + upper)} of the time."));
        var starts = m[(int)Mark.SentenceStart];
        if (starts >= 20 && m[(int)Mark.LowerSentenceStart] * 2 >= starts)
            habits.Add(F($"Starts {Share(m[(int)Mark.LowerSentenceStart], starts)} of sentences with a lower-case letter."));

        var often = new List<string>();
        var rarely = new List<string>();
        foreach (var (mark, typical, name) in Punctuation)
        {
            var rate = m[(int)mark] * perThousand;
            if (rate >= 2 * typical && rate >= 0.5) often.Add(F($"{name} ({rate:0.#} per 1,000 characters)"));
            else if (rate <= typical / 4 && typical >= 1) rarely.Add(name);
        }
        if (often.Count > 0) habits.Add("Uses more than most people: " + string.Join(", ", often) + ".");
        if (rarely.Count > 0) habits.Add("Hardly ever uses " + string.Join(", ", rarely) + ".");

        var words = Math.Max(1, profile.TotalWords);
        if (m[(int)Mark.AllCapsWord] * 1000.0 / words >= 15) habits.Add("Writes some words in ALL CAPS for emphasis.");
        var breaks = (double)m[(int)Mark.LineBreak] / Math.Max(1, profile.Messages);
        if (breaks >= 1) habits.Add(F($"Splits a message over several lines (about {breaks:0.#} line breaks per message)."));
        if (SentenceRange(profile) is { } range) habits.Add($"Sentences are usually {range} words long.");

        var fillers = Fillers
            .Select(w => (Word: w, Index: FunctionWords.IndexOf(w)))
            .Where(x => x.Index >= 0)
            .Select(x => (x.Word, Per100: profile.FunctionWordCounts[x.Index] * 100.0 / words))
            .Where(x => x.Per100 >= 0.4)
            .OrderByDescending(x => x.Per100)
            .Take(4)
            .ToList();
        if (fillers.Count > 0)
            habits.Add("Favourite small words: " + string.Join(", ", fillers.Select(f => F($"\"{f.Word}\" ({f.Per100:0.#} per 100 words)"))) + ".");
        return habits.Take(MaxHabits).ToList();
    }

    /// <summary>The habit line naming the mentor's language ("Usually writes in Spanish."), also read by MentorLanguages.</summary>
    public static string WritesIn(string languageName) => $"Usually writes in {languageName}.";

    /// <summary>The language of most of the mentor's function words, when that is clear (60% or more).</summary>
    public static string? Language(StyleProfile profile)
    {
        Span<double> score = stackalloc double[5];
        double total = 0;
        for (var i = 0; i < FunctionWords.Count; i++)
        {
            var c = profile.FunctionWordCounts[i];
            if (c == 0) continue;
            var langs = FunctionWords.Languages[i];
            var n = System.Numerics.BitOperations.PopCount((uint)langs);
            for (var b = 0; b < 5; b++)
                if (((int)langs & (1 << b)) != 0) score[b] += (double)c / n;
            total += c;
        }
        if (total < 50) return null;
        var best = 0;
        for (var b = 1; b < 5; b++) if (score[b] > score[best]) best = b;
        if (score[best] < 0.6 * total) return null;
        return best switch { 0 => "English", 1 => "Spanish", 2 => "Portuguese", 3 => "French", _ => "German" };
    }

    /// <summary>The middle half of sentence lengths, as "a–b" words.</summary>
    private static string? SentenceRange(StyleProfile profile)
    {
        var total = profile.SentenceLengths.Sum();
        if (total < 30) return null;
        int Quantile(double q)
        {
            long run = 0;
            for (var b = 0; b < LengthBins.SentenceBins; b++)
            {
                run += profile.SentenceLengths[b];
                if (run >= q * total) return b;
            }
            return LengthBins.SentenceBins - 1;
        }
        var low = LengthBins.SentenceLower[Quantile(0.25)];
        var highBin = Quantile(0.75);
        var high = highBin + 1 < LengthBins.SentenceBins ? LengthBins.SentenceLower[highBin + 1] - 1 : LengthBins.SentenceLower[highBin];
        return low == high ? low.ToString(CultureInfo.InvariantCulture) : F($"{low}–{high}");
    }

    private static string Share(long part, long whole) => F($"{Math.Round(100.0 * part / Math.Max(1, whole))}%");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
