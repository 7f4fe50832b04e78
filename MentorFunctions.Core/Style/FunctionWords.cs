using System.Collections.Frozen;

namespace MentorFunctions.Core.Style;

/// <summary>Languages the function-word table knows (flags: a word like "a" or "que" belongs to several).</summary>
[Flags]
public enum WordLanguage : byte
{
    None = 0,
    English = 1,
    Spanish = 2,
    Portuguese = 4,
    French = 8,
    German = 16,
}

/// <summary>
/// The function words a style profile counts: the short, topic-free words (articles, pronouns, auxiliaries,
/// conjunctions, prepositions, discourse particles) whose relative frequencies identify an author far better than
/// content words, which change with the subject. Written for this project for English, Spanish, Portuguese, French and
/// German chat, so a mentor writing in any of them is profiled as well as one writing in English; a word shared by
/// several languages is one entry. The order is part of the stored format: append, never reorder or remove.
/// </summary>
public static class FunctionWords
{
    private const WordLanguage En = WordLanguage.English, Es = WordLanguage.Spanish, Pt = WordLanguage.Portuguese, Fr = WordLanguage.French, De = WordLanguage.German;

    private static readonly (WordLanguage Language, string Words)[] Lists =
    [
        (En, "the a an and or but if so because as than then that this these those there here it its it's i i'm i've i'd i'll me my mine "
           + "you you're you've you'll your yours we we're we've us our they they're them their he him his she her one of in on at to for with "
           + "from by about into over after before under between through up down out off is are was were be been being am do does did "
           + "doing don't doesn't didn't have has had having haven't will would can could should shall may might must won't can't couldn't "
           + "wouldn't shouldn't isn't aren't wasn't not no yes yeah yep nope ok okay just also too very really quite pretty actually maybe "
           + "probably perhaps well now still already even only again all any some each every both more most much many few other such what "
           + "which who whom whose when where why how let's like think know see get got thanks thank please sure though although however "
           + "anyway lol oh hmm haha right something anything nothing someone way thing things lot bit kind sort else that's there's what's "
           + "here's gonna wanna while since until unless whether yet instead rather enough almost never always often sometimes usually"),
        (Es, "el la los las un una unos y o pero que de del en con por para sin sobre es son está están ser estar hay fue era no sí si muy "
           + "más menos también ya pues como cuando donde porque qué cómo yo tú él ella nosotros usted me te se lo le les mi tu su nos este "
           + "esta eso esto todo bueno gracias vale entonces aquí hola al"),
        (Pt, "o a os as um uma e ou mas que de do da dos das em no na nos nas com por para pra sem é são está estão ser estar foi era tem não "
           + "sim muito mais também já como quando onde porque eu você vc ele ela nós me te se lhe meu minha seu sua isso isto esse essa este "
           + "tudo então aqui obrigado obrigada né tá olá oi ao"),
        (Fr, "le la les un une des du de et ou mais que qui en dans sur avec pour par sans est sont être avoir a ai as ont été pas ne oui non "
           + "très plus aussi déjà comme quand où parce je j'ai tu il elle nous vous ils on me te se moi toi mon ma mes ton son sa ce cette "
           + "ça c'est tout bien merci alors voilà donc bonjour salut y au aux"),
        (De, "der die das den dem des ein eine einen und oder aber dass wenn weil als wie mit von zu zum zur auf für bei nach aus ist sind war "
           + "sein haben hat habe wird werden kann nicht kein ja nein sehr mehr auch schon noch nur so ich du er sie es wir ihr mich dich mir "
           + "dir sich mein dein man hier da dann doch mal danke bitte hallo gut"),
    ];

    /// <summary>The words, in table order.</summary>
    public static IReadOnlyList<string> Words { get; }

    /// <summary>The languages each word belongs to, in table order.</summary>
    public static IReadOnlyList<WordLanguage> Languages { get; }

    public static int Count => Words.Count;

    private static readonly FrozenDictionary<ulong, int> Index;

    static FunctionWords()
    {
        var words = new List<string>();
        var languages = new List<WordLanguage>();
        var index = new Dictionary<ulong, int>();
        foreach (var (language, list) in Lists)
        {
            foreach (var word in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var hash = TextHash.Word(word);
                if (index.TryGetValue(hash, out var at))
                {
                    languages[at] |= language;
                    continue;
                }
                index[hash] = words.Count;
                words.Add(word);
                languages.Add(language);
            }
        }
        Words = words;
        Languages = languages;
        Index = index.ToFrozenDictionary();
    }

    /// <summary>The table position of a word (by its <see cref="TextHash.Word"/>), or -1 when it is not a function word.</summary>
    public static int IndexOf(ulong wordHash) => Index.TryGetValue(wordHash, out var i) ? i : -1;

    public static int IndexOf(ReadOnlySpan<char> word) => IndexOf(TextHash.Word(word));
}
