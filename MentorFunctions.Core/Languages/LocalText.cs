using System.Globalization;
using System.Text.RegularExpressions;

namespace MentorFunctions.Core.Languages;

/// <summary>
/// One text the bot sends, written in every supported language (the constructor takes all five, so a text cannot
/// exist in some languages only), with named placeholders such as <c>{student}</c> filled by <see cref="Format"/>.
/// The texts themselves live in <c>Languages/Texts</c>, one class per concept.
/// </summary>
public sealed partial class LocalText(string en, string es, string pt, string fr, string de)
{
    /// <summary>The template in a language; an unsupported or unknown language gets English.</summary>
    public string Template(string? language) => language switch
    {
        "es" => es,
        "pt" => pt,
        "fr" => fr,
        "de" => de,
        _ => en,
    };

    /// <summary>
    /// The text in <paramref name="language"/> with its placeholders filled. Filled in one pass, so a value that
    /// itself looks like a placeholder (a name written "{student}", say) is left as the user wrote it.
    /// </summary>
    public string Format(string? language, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        var template = Template(language);
        if (args.Length == 0)
            return template;
        var values = new Dictionary<string, string>(args.Length, StringComparer.Ordinal);
        foreach (var (name, value) in args)
            values[name] = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "";
        return Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
    }

    /// <summary>The placeholder names a template uses, for the table test.</summary>
    public static IReadOnlySet<string> PlaceholdersOf(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    public override string ToString() => en;

    [GeneratedRegex(@"\{([a-z][A-Za-z]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
