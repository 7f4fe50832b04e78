namespace MentorFunctions.Core.Languages;

/// <summary>The languages the bot writes its own texts in, and how a user names one (`language es`, `language Deutsch`).</summary>
public static class Language
{
    /// <summary>Used when nothing tells a user's language.</summary>
    public const string Default = "en";

    /// <summary>The supported codes, in the detector's order.</summary>
    public static IReadOnlyList<string> Supported => LanguageDetector.Supported;

    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en", ["english"] = "en", ["inglés"] = "en", ["ingles"] = "en", ["inglês"] = "en", ["anglais"] = "en", ["englisch"] = "en",
        ["es"] = "es", ["spanish"] = "es", ["español"] = "es", ["espanol"] = "es", ["castellano"] = "es", ["espanhol"] = "es", ["espagnol"] = "es", ["spanisch"] = "es",
        ["pt"] = "pt", ["portuguese"] = "pt", ["português"] = "pt", ["portugues"] = "pt", ["portugués"] = "pt", ["portugais"] = "pt", ["portugiesisch"] = "pt",
        ["fr"] = "fr", ["french"] = "fr", ["français"] = "fr", ["francais"] = "fr", ["francés"] = "fr", ["frances"] = "fr", ["francês"] = "fr", ["französisch"] = "fr", ["franzoesisch"] = "fr",
        ["de"] = "de", ["german"] = "de", ["deutsch"] = "de", ["alemán"] = "de", ["aleman"] = "de", ["alemão"] = "de", ["alemao"] = "de", ["allemand"] = "de",
    };

    /// <summary>
    /// The supported code for a code or a language name ("es", "es-MX", "pt_BR", "Deutsch", "français"), or null
    /// when it names no supported language.
    /// </summary>
    public static string? Parse(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
            return null;
        if (Names.TryGetValue(t, out var code))
            return code;
        // A regional tag names its language: the bot's texts are not regional.
        var dash = t.IndexOfAny(['-', '_']);
        return dash == 2 && Names.TryGetValue(t[..2], out var region) && t.Length <= 10 ? region : null;
    }

    /// <summary>A stored or configured code made safe: a supported code, else null.</summary>
    public static string? Known(string? code) => code is not null && Supported.Contains(code) ? code : null;

    /// <summary>The language's own name, for `status` and the `language` command's answer.</summary>
    public static string NativeName(string code) => code switch
    {
        "es" => "español",
        "pt" => "português",
        "fr" => "français",
        "de" => "Deutsch",
        _ => "English",
    };
}
