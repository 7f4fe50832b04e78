namespace MentorFunctions.Core.Llm;

/// <summary>What a chat-completions request may carry for the configured model.</summary>
public enum LlmRequestShape
{
    /// <summary>Decided from the model's name (<see cref="LlmRequestShapes.ForModel"/>).</summary>
    Auto = 0,

    /// <summary>A chat model (gpt-4o, gpt-4.1, gpt-5.x-chat, Llama, ...): temperature and an output limit.</summary>
    Chat = 1,

    /// <summary>
    /// A reasoning model (o1, o3, o4-mini, gpt-5, gpt-5.x): no temperature (only the default is accepted) and
    /// max_completion_tokens instead of max_tokens, which Azure refuses for these models.
    /// </summary>
    Reasoning = 2,
}

public static class LlmRequestShapes
{
    /// <summary>The shape the options ask for, Auto resolved from the model's name.</summary>
    public static LlmRequestShape Resolve(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.RequestShape == LlmRequestShape.Auto ? ForModel(options.ModelName) : options.RequestShape;
    }

    /// <summary>
    /// Reasoning for OpenAI's o-series and the GPT-5 family except its "-chat" variants; Chat for everything else,
    /// including names it does not know (a wrong guess there shows as a 400 naming the parameter, and
    /// Llm:RequestShape overrides it).
    /// </summary>
    public static LlmRequestShape ForModel(string? model)
    {
        var name = (model ?? "").Trim().ToLowerInvariant();
        if (name.Length == 0)
            return LlmRequestShape.Chat;
        if (name.Contains("-chat", StringComparison.Ordinal))
            return LlmRequestShape.Chat;
        if (name.StartsWith("gpt-5", StringComparison.Ordinal))
            return LlmRequestShape.Reasoning;
        if (name.Length >= 2 && name[0] == 'o' && char.IsAsciiDigit(name[1]))
            return LlmRequestShape.Reasoning;
        return LlmRequestShape.Chat;
    }
}
