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

    /// <summary>The name of each component, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. new[] { "mean chars (log)", "mean words (log)", "mean sentences", "formality", "emoji per message" }, .. TraitNames.Select(t => "rate of " + t)];

    public static int Length => Names.Count;

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
        return v;
    }
}
