using Microsoft.ML.Tokenizers;

namespace MentorFunctions.Core.Llm.Tokens;

/// <summary>
/// Exact counts with the model's own BPE (Microsoft.ML.Tokenizers, o200k_base data). Chat overhead as OpenAI documents
/// it for these models: 3 tokens a message plus its role name (1 token), and 3 to prime the answer.
/// </summary>
/// <remarks>
/// BPE merging is quadratic in the length of one pre-tokenized piece, and a student can send 10,000 characters without
/// a space (20,000 CJK characters took 7 s). So text is measured in chunks of at most <see cref="ChunkChars"/>, cut at
/// whitespace where the tokenizer splits anyway: ordinary text counts exactly, and a pathological run costs linear time
/// and at most a token more per chunk (an overcount, the safe side for a budget).
/// </remarks>
public sealed class TiktokenTokenCounter(Tokenizer tokenizer, string name) : ITokenCounter
{
    internal const int ChunkChars = 500;
    private static readonly char[] Whitespace = [' ', '\n', '\t', '\r'];

    public string Name { get; } = name;
    public int PerMessageOverhead => 4;
    public int ReplyPriming => 3;

    public int CountText(string text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var count = 0;
        foreach (var (start, length) in Chunks(text))
            count += tokenizer.CountTokens(text.AsSpan(start, length));
        return count;
    }

    public string Truncate(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (maxTokens <= 0) return "";
        var used = 0;
        foreach (var (start, length) in Chunks(text))
        {
            var chunk = text.AsSpan(start, length);
            var count = tokenizer.CountTokens(chunk);
            if (used + count <= maxTokens)
            {
                used += count;
                continue;
            }
            var end = start + tokenizer.GetIndexByTokenCount(chunk, maxTokens - used, out _, out _);
            // A token may end inside a surrogate pair (byte-level BPE): never keep half a character.
            if (end > 0 && char.IsHighSurrogate(text[end - 1]))
                end--;
            return text[..end];
        }
        return text;
    }

    private static IEnumerable<(int Start, int Length)> Chunks(string text)
    {
        var start = 0;
        while (text.Length - start > ChunkChars)
        {
            var end = start + ChunkChars;
            var space = text.LastIndexOfAny(Whitespace, end - 1, ChunkChars / 2);
            if (space > start)
                end = space;
            else if (char.IsLowSurrogate(text[end]))
                end--;
            yield return (start, end - start);
            start = end;
        }
        yield return (start, text.Length - start);
    }
}
