using MentorFunctions.Core.Replies;

namespace MentorFunctions.Core.Llm.Tokens;

/// <summary>For models whose tokenizer is unknown (Llama, Mistral, ...): <see cref="TokenEstimator"/>'s overestimate.</summary>
public sealed class EstimatedTokenCounter : ITokenCounter
{
    public static EstimatedTokenCounter Instance { get; } = new();

    public string Name => "estimate";
    public int PerMessageOverhead => TokenEstimator.PerMessageOverhead;
    public int ReplyPriming => TokenEstimator.ReplyPriming;
    public int CountText(string text) => TokenEstimator.Text(text);
    public string Truncate(string text, int maxTokens) => TokenEstimator.Truncate(text, maxTokens);
}
