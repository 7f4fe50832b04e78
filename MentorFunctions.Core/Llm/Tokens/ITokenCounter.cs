namespace MentorFunctions.Core.Llm.Tokens;

/// <summary>
/// Counts prompt tokens for the configured model: its real tokenizer when the model's is known
/// (<see cref="TiktokenTokenCounter"/>), otherwise the conservative estimate (<see cref="EstimatedTokenCounter"/>).
/// </summary>
public interface ITokenCounter
{
    /// <summary>"o200k_base", or "estimate" for the UTF-8 ÷ 3 estimator.</summary>
    string Name { get; }

    /// <summary>Tokens a chat message costs beyond its text (role and separators).</summary>
    int PerMessageOverhead { get; }

    /// <summary>Tokens that prime the model's answer, once per prompt.</summary>
    int ReplyPriming { get; }

    int CountText(string text);

    /// <summary>The longest prefix of <paramref name="text"/> that fits in <paramref name="maxTokens"/>.</summary>
    string Truncate(string text, int maxTokens);
}

public static class TokenCounterExtensions
{
    /// <summary>The cost of one chat message: its text plus the per-message overhead.</summary>
    public static int CountMessage(this ITokenCounter counter, string text)
    {
        ArgumentNullException.ThrowIfNull(counter);
        return counter.CountText(text) + counter.PerMessageOverhead;
    }
}
