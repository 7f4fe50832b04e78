using System.Collections.Frozen;

namespace MentorFunctions.Core.Style;

/// <summary>
/// The language-specific word lists the feature extractor consults. The profile stores only numbers and the mentor's own
/// phrases, so another language is another lexicon, not another data model. Matching is case-insensitive and span-based.
/// </summary>
public sealed class StyleLexicon
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _formal;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _casual;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _formalPairs;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _casualPairs;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _greetings;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _signOffs;

    public StyleLexicon(
        IEnumerable<string> formalWords,
        IEnumerable<string> casualWords,
        IEnumerable<string> formalPairs,
        IEnumerable<string> casualPairs,
        IEnumerable<string> greetings,
        IEnumerable<string> signOffs)
    {
        _formal = Set(formalWords);
        _casual = Set(casualWords);
        _formalPairs = Set(formalPairs);
        _casualPairs = Set(casualPairs);
        _greetings = Set(greetings);
        _signOffs = Set(signOffs);
    }

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(IEnumerable<string> words) =>
        words.Select(w => w.Replace('\u2019', '\'')).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    internal bool IsFormal(ReadOnlySpan<char> word) => _formal.Contains(word);
    internal bool IsCasual(ReadOnlySpan<char> word) => _casual.Contains(word);
    internal bool IsFormalPair(ReadOnlySpan<char> twoWords) => _formalPairs.Contains(twoWords);
    internal bool IsCasualPair(ReadOnlySpan<char> twoWords) => _casualPairs.Contains(twoWords);
    internal bool IsGreeting(ReadOnlySpan<char> word) => _greetings.Contains(word);
    internal bool IsSignOff(ReadOnlySpan<char> word) => _signOffs.Contains(word);

    /// <summary>English markers. Contractions, emoji, "!!", and lower-case starts count as casual without a list.</summary>
    public static StyleLexicon English { get; } = new(
        formalWords:
        [
            "please", "kindly", "regards", "sincerely", "dear", "appreciate", "appreciated", "however", "therefore",
            "furthermore", "moreover", "certainly", "indeed", "nevertheless", "consequently", "accordingly", "shall",
            "hence", "thus", "regarding", "concerning", "apologies", "apologise", "apologize", "grateful", "respectfully",
            "additionally", "subsequently", "whereas", "greetings", "cordially", "pleased", "assist", "assistance",
            "inquire", "enquire", "furnish", "ensure", "require", "request", "sir", "madam", "welcome",
        ],
        casualWords:
        [
            "hey", "heya", "hiya", "yo", "sup", "yeah", "yea", "yep", "yup", "nope", "nah", "cool", "awesome", "lol", "lmao",
            "rofl", "haha", "hahaha", "hehe", "omg", "btw", "tbh", "imo", "imho", "idk", "np", "thx", "ty", "tysm", "pls",
            "plz", "gonna", "wanna", "gotta", "kinda", "sorta", "dunno", "lemme", "gimme", "ya", "u", "ur", "dude", "bro",
            "folks", "guys", "ok", "okay", "k", "kk", "nice", "sweet", "wow", "yay", "oops", "whoops", "ugh", "meh", "hmm",
            "ah", "oh", "super", "totally", "stuff", "anyways", "cya", "ttyl", "brb", "fyi", "asap", "wat", "ikr", "lit",
            "legit", "yikes", "woohoo", "cheers", "gotcha", "alright", "aight", "ain't", "y'all", "'cause", "cuz", "bc",
        ],
        formalPairs:
        [
            "thank you", "would you", "could you", "may i", "i would", "kind regards", "best regards", "warm regards",
            "please note", "please find", "do not", "i am", "it is", "you are", "we are", "let us", "would be",
            "i shall", "good morning", "good afternoon", "good evening", "many thanks", "yours sincerely",
        ],
        casualPairs:
        [
            "no worries", "no problem", "sounds good", "got it", "my bad", "for sure", "oh well", "no way", "you bet",
            "all good", "hang on", "hold on", "what's up", "how's it", "see ya", "catch you", "so yeah", "big deal",
        ],
        greetings:
        [
            "hi", "hello", "hey", "heya", "hiya", "howdy", "yo", "greetings", "dear", "morning", "afternoon", "evening",
            "welcome", "sup", "good morning", "good afternoon", "good evening", "good day", "hi there", "hello there",
        ],
        signOffs:
        [
            "cheers", "thanks", "thank", "best", "regards", "bye", "goodbye", "later", "ttyl", "cya", "talk", "hope",
            "take", "sincerely", "warmly", "all", "happy", "see", "speak", "enjoy", "ping", "good luck", "let me know",
            "hope this helps", "hope that helps", "any questions", "shout if stuck", "happy coding", "good work",
            "best wishes", "take care",
        ]);
}
