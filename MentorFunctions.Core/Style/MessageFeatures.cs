namespace MentorFunctions.Core.Style;

/// <summary>
/// Counts taken from one message by <see cref="MessageFeatureExtractor"/>. Quoted text (lines starting with '&gt;' and
/// ```quote blocks) and code are counted as such but their words are not the author's, so they add no words or phrases.
/// </summary>
public struct MessageFeatures
{
    /// <summary>Unicode scalar values in the trimmed message (an emoji of two UTF-16 units counts once per code point).</summary>
    public int Chars;
    public int Words;
    public int Sentences;
    /// <summary>Runs of '?' (so "what??" is one question).</summary>
    public int Questions;
    /// <summary>Runs of '!' (so "great!!" is one exclamation).</summary>
    public int Exclamations;
    /// <summary>Unicode emoji (a ZWJ sequence, flag, keycap or skin-toned emoji counts once) plus Zulip <c>:name:</c> codes.</summary>
    public int Emoji;
    /// <summary>Of <see cref="Emoji"/>, how many were Zulip <c>:name:</c> codes.</summary>
    public int EmojiCodes;
    public int CodeSpans;
    public int CodeBlocks;
    public int ListItems;
    public int Links;
    /// <summary>Quote blocks (consecutive '&gt;' lines count once).</summary>
    public int Quotes;
    /// <summary>Words with an inner apostrophe: "don't", "it's", "I'm".</summary>
    public int Contractions;
    public int FormalMarkers;
    public int CasualMarkers;
    public bool HasGreeting;
    public bool HasSignOff;
    /// <summary>The first word starts with a lower-case letter.</summary>
    public bool StartsLowerCase;

    /// <summary>Characters of the author's own text (not quotes or code): the base of per-1,000-character rates.</summary>
    public int TextChars;
    /// <summary>Punctuation and typography in the author's own text.</summary>
    public MarkCounts Marks;
    /// <summary>The author's words by length (<see cref="LengthBins.WordLower"/>).</summary>
    public WordLengthCounts WordLengths;
    /// <summary>The message's sentences by length in words (<see cref="LengthBins.SentenceLower"/>).</summary>
    public SentenceLengthCounts SentenceLengths;

    public readonly bool UsesMarkdown => CodeSpans + CodeBlocks + ListItems + Links + Quotes > 0;

    /// <summary>
    /// -1 very casual … 0 neutral … +1 very formal. The +2 in the denominator keeps a single marker from reading as an
    /// extreme, and makes a message with no markers exactly neutral.
    /// </summary>
    public readonly double Formality => (FormalMarkers - CasualMarkers) / (FormalMarkers + CasualMarkers + 2.0);
}

/// <summary>A word of the message being scanned, as a position in its text (no string is made for it).</summary>
public readonly record struct WordRef(int Start, int Length);

/// <summary>
/// Receives the countable tokens of a message during extraction: each word, word 2–4-grams, the opener, the closer and each emoji.
/// Hashes come from <see cref="TextHash"/> and are stable across processes, so stored sketches keep matching.
/// </summary>
public interface IMessageTokenSink
{
    void Phrase(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words);
    void Opener(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words);
    void Closer(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words);
    void Emoji(ulong hash, ReadOnlySpan<char> emoji);

    /// <summary>Every word of the author's own text (its <see cref="TextHash.Word"/>), for the function-word table.</summary>
    void Word(ulong hash, ReadOnlySpan<char> word);
}

/// <summary>Stable 64-bit hashes of normalised words and word sequences (not string.GetHashCode, which is per-process).</summary>
public static class TextHash
{
    private const ulong FnvOffset = 0xcbf29ce484222325UL;
    private const ulong FnvPrime = 0x100000001b3UL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Lower-cases, and folds the typographic apostrophe into ASCII, so "Don’t" and "don't" are one word.</summary>
    public static char Normalize(char c)
    {
        if (c < 128) return c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        return c == '\u2019' ? '\'' : char.ToLowerInvariant(c);
    }

    public static ulong Word(ReadOnlySpan<char> word)
    {
        var h = FnvOffset;
        foreach (var c in word)
            h = (h ^ Normalize(c)) * FnvPrime;
        return h;
    }

    /// <summary>Raw characters, for emoji (no case to fold).</summary>
    public static ulong Raw(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
            h = (h ^ c) * FnvPrime;
        return h;
    }

    public static ulong Sequence(ReadOnlySpan<ulong> wordHashes)
    {
        var h = FnvOffset ^ (ulong)wordHashes.Length;
        foreach (var w in wordHashes)
        {
            h = (h ^ w) * Golden;
            h ^= h >> 31;
        }
        return h;
    }

    /// <summary>The hash of a stored normalised phrase ("great question"): words split on single spaces.</summary>
    public static ulong Phrase(ReadOnlySpan<char> normalized)
    {
        Span<ulong> hashes = stackalloc ulong[8];
        var n = 0;
        foreach (var range in normalized.Split(' '))
        {
            if (n == hashes.Length) break;
            hashes[n++] = Word(normalized[range]);
        }
        return Sequence(hashes[..n]);
    }

    /// <summary>Writes the words lower-cased and joined by single spaces; returns the length, or -1 when it does not fit.</summary>
    public static int WriteNormalized(ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words, Span<char> destination)
    {
        var at = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var word = source.Slice(words[i].Start, words[i].Length);
            if (at + word.Length + (i > 0 ? 1 : 0) > destination.Length) return -1;
            if (i > 0) destination[at++] = ' ';
            foreach (var c in word) destination[at++] = Normalize(c);
        }
        return at;
    }
}
