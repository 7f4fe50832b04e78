using MentorFunctions.Core.Safety;

namespace MentorFunctions.Core.Languages;

/// <summary>
/// Guesses which of the supported languages a text is in from its function words (a stopword profile: short, frequent
/// words that differ between languages, e.g. "the", "el", "o", "le", "der"). Chat messages are short, so it counts
/// evidence rather than deciding from one word, and says "no idea" (null) rather than guess.
/// </summary>
public static class LanguageDetector
{
    /// <summary>The languages the stand-in supports, in the order used to break ties.</summary>
    public static readonly IReadOnlyList<string> Supported = ["en", "es", "pt", "fr", "de"];

    // Accent-folded forms (SafetyText.Normalize). Words shared by two languages count for both.
    private static readonly Dictionary<string, HashSet<string>> Profiles = new()
    {
        ["en"] = Words("i you the and is am are my me it to of in that this have was not do what with for just so can be "
            + "dont don't im i'm it's he she they we your our at on but if how why when would will there all about really please thanks help want need know"),
        ["es"] = Words("el la los las y es soy estoy que de en un una mi me yo no por con para pero muy ya esta como lo se su del al "
            + "tengo quiero hay tambien porque cuando nada mas todo solo hoy puedo eso esto estoy estas tu te le les fue ser creo gracias ayuda necesito hola siento nadie mismo"),
        ["pt"] = Words("o a os as e sou estou que de em um uma meu minha me eu nao por com para mas muito ja esta como se seu do da no na ao "
            + "tenho quero tem tambem sem mim todo porque quando nada mais tudo so hoje posso isso isto voce ele ela pra to ta vou obrigado obrigada ajuda preciso oi sinto ninguem mesmo consigo"),
        ["fr"] = Words("je j tu il elle le la les et est suis pas ne n de des du un une mon ma mes que qui pour avec mais tres ca c me m moi ce cette au aux on "
            + "en y veux peux ai a sais plus rien tout fait bien merci aide besoin bonjour salut vais sens personne meme suis"),
        ["de"] = Words("ich du er sie es der die das und ist bin nicht ein eine mein meine mich mir zu mit aber sehr auch wie was wenn habe hab kann will den dem im auf "
            + "fuer noch schon nur kein keine bitte danke hilfe brauche hallo gerade heute fuehle niemand selbst weiss mehr"),
    };

    /// <summary>Function-word hits per supported language for one text.</summary>
    public static IReadOnlyDictionary<string, int> Score(string? text)
    {
        var scores = Supported.ToDictionary(l => l, _ => 0);
        var normalized = SafetyText.Normalize(text);
        foreach (var token in normalized.Split([' ', ',', '.', '!', '?', ';', ':', '"', '(', ')', '\'', '-', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var (language, words) in Profiles)
            {
                if (words.Contains(token))
                    scores[language]++;
            }
        }
        return scores;
    }

    /// <summary>
    /// The most likely language of some texts (e.g. a student's recent messages), or null when there is too little
    /// evidence (fewer than 2 function words) or two languages tie.
    /// </summary>
    public static string? Detect(IEnumerable<string?> texts)
    {
        var total = Supported.ToDictionary(l => l, _ => 0);
        foreach (var text in texts)
        {
            foreach (var (language, score) in Score(text))
                total[language] += score;
        }
        var ranked = total.OrderByDescending(p => p.Value).ThenBy(p => IndexOf(p.Key)).ToList();
        if (ranked[0].Value < 2 || ranked[0].Value == ranked[1].Value)
            return null;
        return ranked[0].Key;
    }

    /// <summary>Detect one text.</summary>
    public static string? Detect(string? text) => Detect([text]);

    /// <summary>
    /// The languages a text may plausibly be in: those with at least half the best evidence, or every supported
    /// language when there is hardly any evidence (under 2 function words). Safety checks use this to avoid reading Spanish with Portuguese rules.
    /// </summary>
    public static IReadOnlySet<string> Plausible(string? text)
    {
        var scores = Score(text);
        var best = scores.Values.Max();
        if (best < 2)
            return Supported.ToHashSet();
        return scores.Where(p => p.Value * 2 >= best).Select(p => p.Key).ToHashSet();
    }

    private static int IndexOf(string language)
    {
        for (var i = 0; i < Supported.Count; i++)
        {
            if (Supported[i] == language)
                return i;
        }
        return int.MaxValue;
    }

    private static HashSet<string> Words(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
