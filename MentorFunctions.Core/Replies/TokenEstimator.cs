using System.Text;

namespace MentorFunctions.Core.Replies;

/// <summary>
/// A conservative token count without a tokenizer: UTF-8 bytes / 3 (rounded up), plus 4 tokens per chat message for
/// the role and separators and 3 to prime the answer. English runs about 4 characters a token, so this overestimates it
/// by a third; CJK text (3 bytes a character, about a token a character) and emoji (4 bytes, 1–3 tokens) come out at or
/// above their real cost. Overestimating only shortens the history a little; underestimating could overflow the budget.
/// </summary>
public static class TokenEstimator
{
    public const int PerMessageOverhead = 4;
    public const int ReplyPriming = 3;

    public static int Text(string text) => (Encoding.UTF8.GetByteCount(text) + 2) / 3;

    public static int Message(string text) => Text(text) + PerMessageOverhead;

    /// <summary>The most characters of <paramref name="text"/> that fit in <paramref name="tokens"/> (a prefix, by code point).</summary>
    public static string Truncate(string text, int tokens)
    {
        if (tokens <= 0) return "";
        if (Text(text) <= tokens) return text;
        var maxBytes = tokens * 3;
        var used = 0;
        var sb = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            used += rune.Utf8SequenceLength;
            if (used > maxBytes) break;
            sb.Append(rune.ToString());
        }
        return sb.ToString();
    }
}
