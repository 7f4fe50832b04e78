using System.Collections.Frozen;

namespace MentorFunctions.Core.Style;

/// <summary>
/// The language-specific word lists the feature extractor consults. The profile stores only numbers and the mentor's own
/// phrases, so another language is another lexicon, not another data model. Matching is case-insensitive and span-based.
/// </summary>
public sealed class StyleLexicon
{
    [Flags]
    private enum Kind : byte
    {
        Formal = 1,
        Casual = 2,
        Greeting = 4,
        SignOff = 8,
    }

    // Keyed by the same stable hash the extractor computes for every word and word pair anyway, so a marker lookup
    // costs one probe and no case-folding pass of its own.
    private readonly FrozenDictionary<ulong, Kind> _entries;

    public StyleLexicon(
        IEnumerable<string> formalWords,
        IEnumerable<string> casualWords,
        IEnumerable<string> formalPairs,
        IEnumerable<string> casualPairs,
        IEnumerable<string> greetings,
        IEnumerable<string> signOffs)
    {
        var entries = new Dictionary<ulong, Kind>();
        void Add(IEnumerable<string> phrases, Kind kind)
        {
            foreach (var phrase in phrases)
            {
                var normalized = string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                var key = TextHash.Phrase(normalized);
                entries[key] = entries.GetValueOrDefault(key) | kind;
            }
        }
        Add(formalWords, Kind.Formal);
        Add(formalPairs, Kind.Formal);
        Add(casualWords, Kind.Casual);
        Add(casualPairs, Kind.Casual);
        Add(greetings, Kind.Greeting);
        Add(signOffs, Kind.SignOff);
        _entries = entries.ToFrozenDictionary();
    }

    /// <summary>+1 formal, -1 casual, 0 neither, for a word or word sequence by its <see cref="TextHash.Sequence"/> hash.</summary>
    internal int Register(ulong sequenceHash) =>
        _entries.TryGetValue(sequenceHash, out var kind) ? (kind & Kind.Formal) != 0 ? 1 : (kind & Kind.Casual) != 0 ? -1 : 0 : 0;

    internal bool IsGreeting(ulong sequenceHash) => _entries.TryGetValue(sequenceHash, out var kind) && (kind & Kind.Greeting) != 0;
    internal bool IsSignOff(ulong sequenceHash) => _entries.TryGetValue(sequenceHash, out var kind) && (kind & Kind.SignOff) != 0;

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
