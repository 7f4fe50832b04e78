namespace MentorFunctions.Core.Llm;

/// <summary>Who speaks in a chat turn.</summary>
public enum ChatRole
{
    System = 0,
    User = 1,
    Assistant = 2,
}

/// <summary>One message of a chat prompt.</summary>
public sealed record ChatTurn(ChatRole Role, string Text);

/// <summary>
/// A model's answer. <paramref name="ContentFiltered"/> is true when the provider's content filter refused the prompt or
/// the answer; then <paramref name="Text"/> is empty. Both a filtered and an empty answer are final outcomes, not errors.
/// </summary>
public sealed record ChatCompletion(string Text, string FinishReason, int PromptTokens, int CompletionTokens, bool ContentFiltered)
{
    public int TotalTokens => PromptTokens + CompletionTokens;
}

/// <summary>
/// One chat completion call, never retried inside: a 429 (with the server's Retry-After), a 5xx or a timeout becomes a
/// <see cref="Conversations.TransientStepException"/> so the durable step policy owns every retry.
/// </summary>
public interface IChatModel
{
    Task<ChatCompletion> CompleteAsync(IReadOnlyList<ChatTurn> messages, int maxOutputTokens, CancellationToken cancellationToken = default);
}
