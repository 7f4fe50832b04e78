using System.Text.RegularExpressions;
using MentorFunctions.Core.Safety;

namespace MentorFunctions.Core.Replies;

/// <summary>
/// Recognises a student asking for the real mentor or whether they talk to a bot ("can I talk to Ana herself",
/// "are you a bot", "real person", "human please"), in English, Spanish, Portuguese, French and German ("¿eres un
/// bot?", "quero falar com uma pessoa de verdade", "je veux parler à Ana en personne", "bist du ein Mensch?").
/// Then the stand-in must not answer in the mentor's style.
/// Errs on the side of stepping back: a false alarm only means the mentor answers this one themself.
/// </summary>
public static partial class HumanRequestDetector
{
    public static bool IsHumanRequest(string text, string? mentorFullName = null)
    {
        if (string.IsNullOrWhiteSpace(text))
            return false;
        // Accent- and case-folded ("¿Eres humano?" → "¿eres humano?", "persönlich" → "persoenlich").
        var normalized = SafetyText.Normalize(text);
        if (GenericRequest().IsMatch(normalized) || OtherLanguages().IsMatch(normalized))
            return true;
        var firstName = SafetyText.Normalize(mentorFullName).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(firstName))
            return false;
        var name = Regex.Escape(firstName);
        // "Ana herself", "talk to Ana directly", "is this really Ana", "is that actually you, Ana?"
        return Regex.IsMatch(normalized,
            $@"\b{name}\s+(herself|himself|themselves|themself|directly|in person|personally)\b" +
            $@"|\b(really|actually|truly)\s+{name}\b" +
            $@"|\b(talk|speak|chat)\s+(to|with)\s+(the\s+real\s+)?{name}\s*(please|pls|instead|now)\b" +
            $@"|\b(want|need|prefer)\s+(to\s+(talk|speak|chat)\s+(to|with)\s+)?(the\s+real\s+){name}\b" +
            // "Ana en persona", "Ana em pessoa", "Ana en personne", "Ana persönlich"; "quiero hablar con Ana", "je veux parler à Ana".
            $@"|\b{name}\s+(en persona|personalmente|misma|mismo|em pessoa|pessoalmente|mesma|mesmo|en personne|personnellement|elle meme|lui meme|elle-meme|lui-meme|persoenlich|selbst)\b" +
            $@"|\b(quiero|quisiera|prefiero|necesito|queria|quero|gostaria de|preciso|je veux|je voudrais|j'aimerais|ich will|ich moechte|ich wuerde gern) (hablar|falar|parler|sprechen|reden) (con|com|a|avec|mit) (la |el |a |o )?(verdadera |verdadero |de verdade |vraie |vrai |echten )?{name}\b" +
            $@"|\b(de verdad|realmente|mesmo|vraiment|wirklich) (eres|es|e|c'est|bist du|ist das) {name}\b|\b(eres|es|e|c'est|bist du|ist das) (de verdad|realmente|mesmo|vraiment|wirklich) {name}\b",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(
        @"\b(are|r)\s+(you|u)\s+(a|an)?\s*(bot|robot|ai|a\.i\.|machine|chat\s?bot|human|real|actual\s+person|person)\b" +
        @"|\b(is\s+(this|that|it))\s+(a|an)?\s*(bot|robot|ai|automated|automatic|machine|chat\s?bot|gpt|chatgpt)\b" +
        @"|\breal\s+(person|human|mentor|people)\b" +
        @"|\bhuman\s*(please|pls|plz|!)" +
        @"|\b(talk|speak|chat)\s+(to|with)\s+(a|an|the)?\s*(human|person|real\s+one)\b" +
        @"|\b(want|need|prefer)\s+(a|an|the)\s+(human|person)\b" +
        @"|\b(stop|no|without)\s+(the\s+)?(bot|ai)\b" +
        @"|\bnot\s+(a|an|the)\s+(bot|ai)\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GenericRequest();

    [GeneratedRegex(
        // Spanish
        @"\b(eres|es|sos|estoy hablando con) (un[ao]? )?(bot|robot|ia|maquina|chatbot|inteligencia artificial|humano|humana|persona real)\b" +
        @"|\b(esto|eso) es (un[ao]? )?(bot|robot|ia|automatico|chatgpt|gpt)\b|\bpersona (real|de verdad)\b" +
        @"|\b(hablar|habla|hablo) con (un[ao]? |el |la )?(humano|humana|persona|mentor real|mentora real)\b|\bno (quiero )?(hablar con )?(un[ao]? )?(bot|robot|ia)\b|\bsin (bot|ia)\b" +
        // Portuguese
        @"|\b(voce e|vc e|tu es|e|estou falando com) (um[a]? )?(bot|robo|ia|maquina|chatbot|inteligencia artificial|humano|humana|pessoa real|pessoa de verdade)\b(?! (de|do|da|para|pra))" +
        @"|\b(isso|isto) e (um[a]? )?(bot|robo|ia|automatico|chatgpt|gpt)\b|\bpessoa (real|de verdade)\b" +
        @"|\b(falar|fala|falo) com (um[a]? |o |a )?(humano|humana|pessoa|mentor de verdade|mentora de verdade)\b|\bnao quero (falar com )?(um[a]? )?(bot|robo|ia)\b|\bsem (bot|ia)\b" +
        // French
        @"|\b(es tu|es-tu|tu es|t'es|vous etes|etes vous|etes-vous|est ce que tu es|est-ce que tu es|je parle a|je parle avec) (un[e]? )?(bot|robot|ia|machine|chatbot|humain|humaine|vraie personne|personne reelle|intelligence artificielle)\b" +
        @"|\b(c'est|c est) (un[e]? )?(bot|robot|ia|chatbot|chatgpt)\b|\bvraie personne\b|\bpersonne reelle\b|\bun humain\b" +
        @"|\bparler (a|avec) (un[e]? |le |la )?(humain|humaine|personne|vrai mentor|vraie mentore)\b|\bpas (de|un[e]?) (bot|ia|robot)\b|\bsans (bot|ia)\b" +
        // German
        @"|\b(bist du|sind sie|ist das|rede ich mit|spreche ich mit) (ein[e]?(m|r)? )?(bot|roboter|ki|maschine|chatbot|mensch|menschen|echter mensch|echte person|echten person)\b" +
        @"|\bechte[rn]? (mensch|menschen|person)\b|\b(mit|zu) (einem|einer|dem|der) (menschen|mensch|person) (sprechen|reden|schreiben)\b|\bkein(en)? (bot|ki|roboter)( bitte)?\b|\bohne (bot|ki)\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OtherLanguages();
}
