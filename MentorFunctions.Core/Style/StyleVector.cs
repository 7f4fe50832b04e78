namespace MentorFunctions.Core.Style;

/// <summary>
/// A profile as a fixed-length vector of style measurements (rates and shares, comparable between profiles of any
/// size): what authorship attribution compares, and what exemplars are scored against. Every component is computed
/// from what the stored profile holds, so a stored profile and a freshly learned one give the same vector.
/// </summary>
public static class StyleVector
{
    private static readonly string[] TraitNames =
        ["questions", "exclamations", "markdown", "code", "lists", "links", "quotes", "greetings", "sign-offs", "contractions", "lower-case starts", "emoji messages"];

    private static readonly Mark[] PerThousandChars =
        [Mark.Comma, Mark.Semicolon, Mark.Colon, Mark.Dash, Mark.Parenthesis, Mark.Ellipsis, Mark.ExclamationMark, Mark.QuestionMark, Mark.QuoteMark, Mark.AsciiSmiley, Mark.FaceEmoji, Mark.AllCapsWord];

    /// <summary>The name of each component, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. new[] { "mean chars (log)", "mean words (log)", "mean sentences", "formality", "emoji per message" },
        .. TraitNames.Select(t => "rate of " + t),
        .. FunctionWords.Words.Select(w => "\"" + w + "\" per word"),
        .. PerThousandChars.Select(m => m + " per 1,000 characters"),
        "share of the pronoun written \"i\"", "share of sentences started lower-case", "line breaks per message",
        .. Enumerable.Range(0, LengthBins.WordBins).Select(b => "share of words of length bin " + b),
        .. Enumerable.Range(0, LengthBins.SentenceBins).Select(b => "share of sentences of length bin " + b),
        .. Enumerable.Range(0, LengthBins.MessageBins).Select(b => "share of messages of length bin " + b),
    ];

    public static int Length => Names.Count;

    private static int Shares(long[] counts, double[] into, int at)
    {
        var total = Math.Max(1, counts.Sum());
        foreach (var c in counts) into[at++] = (double)c / total;
        return at;
    }

    public static double[] From(StyleProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var v = new double[Length];
        var i = 0;
        v[i++] = Math.Log(1 + profile.Chars.Mean);
        v[i++] = Math.Log(1 + profile.Words.Mean);
        v[i++] = profile.Sentences.Mean;
        v[i++] = profile.Formality.Mean;
        v[i++] = profile.Emoji.Mean;
        foreach (var count in new[]
                 {
                     profile.Questions, profile.Exclamations, profile.Markdown, profile.Code, profile.Lists, profile.Links, profile.Quotes,
                     profile.Greetings, profile.SignOffs, profile.ContractionMessages, profile.LowerCaseStarts, profile.EmojiMessages,
                 })
            v[i++] = profile.Rate(count);
        var words = Math.Max(1, profile.TotalWords);
        foreach (var c in profile.FunctionWordCounts) v[i++] = (double)c / words;
        var thousands = Math.Max(1, profile.TextChars) / 1000.0;
        foreach (var m in PerThousandChars) v[i++] = profile.Marks[(int)m] / thousands;
        var lower = profile.Marks[(int)Mark.LowerI];
        var upper = profile.Marks[(int)Mark.UpperI];
        v[i++] = (lower + 0.5) / (lower + upper + 1.0);
        v[i++] = (profile.Marks[(int)Mark.LowerSentenceStart] + 0.5) / (profile.Marks[(int)Mark.SentenceStart] + 1.0);
        v[i++] = (double)profile.Marks[(int)Mark.LineBreak] / Math.Max(1, profile.Messages);
        i = Shares(profile.WordLengths, v, i);
        i = Shares(profile.SentenceLengths, v, i);
        Shares(profile.MessageLengths, v, i);
        return v;
    }
}
