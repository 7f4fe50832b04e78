using System.Runtime.CompilerServices;

namespace MentorFunctions.Core.Style;

/// <summary>
/// The punctuation and typography habits a profile counts, in the author's own text (not quotes, code or links).
/// The order is part of the stored format: append, never reorder.
/// </summary>
public enum Mark
{
    Comma,
    Semicolon,
    /// <summary>A colon before a space or the end of a line (not a time, a URL, an emoji code or a smiley).</summary>
    Colon,
    /// <summary>— or –, or a hyphen standing alone between spaces, or "--".</summary>
    Dash,
    /// <summary>Opening parentheses (not a smiley's).</summary>
    Parenthesis,
    /// <summary>… or a run of three or more dots (once per run).</summary>
    Ellipsis,
    ExclamationMark,
    QuestionMark,
    /// <summary>Double quotation marks: " “ ” „ « ».</summary>
    QuoteMark,
    /// <summary>:) :-) ;) :D :P :( =) ^^ ^_^ &lt;3 xD and the like.</summary>
    AsciiSmiley,
    /// <summary>Face emoji (😀…🙏, 🤔…, ☺ ☹).</summary>
    FaceEmoji,
    /// <summary>The pronoun written "i" (also in "i'm", "i'll").</summary>
    LowerI,
    /// <summary>The pronoun written "I".</summary>
    UpperI,
    /// <summary>Sentences started (the first word of each).</summary>
    SentenceStart,
    /// <summary>Sentences whose first word starts lower-case.</summary>
    LowerSentenceStart,
    /// <summary>Words of two or more letters, all capitals ("NOT", "API").</summary>
    AllCapsWord,
    /// <summary>Line breaks inside the message.</summary>
    LineBreak,
}

/// <summary>Per-message counts of each <see cref="Mark"/>.</summary>
[InlineArray(Count)]
public struct MarkCounts
{
    public const int Count = (int)Mark.LineBreak + 1;
    private int _first;
}

/// <summary>
/// Log-spaced length bins: fine where lengths are common (1, 2, 3 …), growing by about half each bin after. The bin
/// edges are part of the stored format.
/// </summary>
public static class LengthBins
{
    /// <summary>Word length in characters: 1, 2, …, 8, 9–10, 11–13, 14–17, 18+.</summary>
    public static readonly int[] WordLower = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 14, 18];

    /// <summary>Sentence length in words: 1, 2, 3, 4–5, 6–7, 8–10, 11–14, 15–20, 21–29, 30–44, 45+.</summary>
    public static readonly int[] SentenceLower = [1, 2, 3, 4, 6, 8, 11, 15, 21, 30, 45];

    /// <summary>Message length in words: 0, 1, 2, 3–4, 5–7, 8–11, 12–17, 18–26, 27–40, 41–60, 61–90, 91–135, 136–200, 201+.</summary>
    public static readonly int[] MessageLower = [0, 1, 2, 3, 5, 8, 12, 18, 27, 41, 61, 91, 136, 201];

    public const int WordBins = 12;
    public const int SentenceBins = 11;
    public const int MessageBins = 14;

    public static int Bin(int[] lower, int value)
    {
        var b = 0;
        while (b + 1 < lower.Length && value >= lower[b + 1]) b++;
        return b;
    }
}

[InlineArray(LengthBins.WordBins)]
public struct WordLengthCounts
{
    private int _first;
}

[InlineArray(LengthBins.SentenceBins)]
public struct SentenceLengthCounts
{
    private int _first;
}
