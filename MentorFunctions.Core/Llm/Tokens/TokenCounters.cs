using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;

namespace MentorFunctions.Core.Llm.Tokens;

/// <summary>Which token counter the prompt budget uses (setting Llm:Tokenizer).</summary>
public enum LlmTokenizer
{
    /// <summary>From the model's name: o200k_base for the GPT-4o, GPT-4.1, GPT-4.5, GPT-5 families and o-series; else the estimate.</summary>
    Auto = 0,
    /// <summary>o200k_base, whatever the name (a deployment of one of those models under another name).</summary>
    O200kBase = 1,
    /// <summary>The UTF-8 ÷ 3 estimate (a model whose tokenizer is not shipped).</summary>
    Estimate = 2,
}

/// <summary>
/// Picks the counter for the configured model. Creating a tokenizer loads its 200,000-entry vocabulary (about a
/// second, several MB), so each encoding is created once per process and shared.
/// </summary>
public static class TokenCounters
{
    public const string O200kBase = "o200k_base";

    private static readonly ConcurrentDictionary<string, Lazy<ITokenCounter>> s_byEncoding = new(StringComparer.Ordinal);

    public static ITokenCounter For(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Tokenizer switch
        {
            LlmTokenizer.O200kBase => Encoding(O200kBase),
            LlmTokenizer.Estimate => EstimatedTokenCounter.Instance,
            _ => ForModel(options.ModelName),
        };
    }

    /// <summary>
    /// o200k_base for the models that use it: the names Microsoft.ML.Tokenizers knows (gpt-4o, gpt-4.1, gpt-5, o1, o3,
    /// o4-mini, ...) and the newer members of those families it does not know yet (gpt-5.4-mini, gpt-5.1-chat).
    /// Anything else (Llama, Mistral, older GPT-4 and GPT-3.5 on cl100k, whose data is not shipped) gets the estimate.
    /// </summary>
    public static ITokenCounter ForModel(string? model) =>
        UsesO200k(model) ? Encoding(O200kBase) : EstimatedTokenCounter.Instance;

    internal static bool UsesO200k(string? model)
    {
        var name = (model ?? "").Trim().ToLowerInvariant();
        if (name.Length == 0)
            return false;
        if (name.StartsWith("gpt-4o", StringComparison.Ordinal) || name.StartsWith("chatgpt-4o", StringComparison.Ordinal)
            || name.StartsWith("gpt-4.1", StringComparison.Ordinal) || name.StartsWith("gpt-4.5", StringComparison.Ordinal)
            || name.StartsWith("gpt-5", StringComparison.Ordinal) || name.StartsWith("gpt-oss", StringComparison.Ordinal))
            return true;
        // o-series: o1, o3-mini, o4-mini, ...
        return name.Length >= 2 && name[0] == 'o' && char.IsAsciiDigit(name[1]);
    }

    private static ITokenCounter Encoding(string encoding) =>
        s_byEncoding.GetOrAdd(encoding, e => new Lazy<ITokenCounter>(() => new TiktokenTokenCounter(TiktokenTokenizer.CreateForEncoding(e), e))).Value;
}
