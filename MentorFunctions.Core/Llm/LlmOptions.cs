using System.ComponentModel.DataAnnotations;
using MentorFunctions.Core.Llm.Tokens;

namespace MentorFunctions.Core.Llm;

/// <summary>Which chat endpoint to use.</summary>
public enum LlmProvider
{
    /// <summary>Azure OpenAI: Endpoint is the resource URL, Deployment the deployment name; API key or Entra ID.</summary>
    AzureOpenAI = 0,
    /// <summary>Any OpenAI-compatible endpoint (OpenAI, a local Ollama at http://localhost:11434/v1, ...): Model names the model.</summary>
    OpenAICompatible = 1,
}

/// <summary>The chat model (configuration section "Llm").</summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    public LlmProvider Provider { get; set; } = LlmProvider.AzureOpenAI;

    [Required]
    public Uri Endpoint { get; set; } = null!;

    /// <summary>The Azure deployment name, or the model name for an OpenAI-compatible endpoint.</summary>
    [Required]
    public string Deployment { get; set; } = "";

    /// <summary>An API key (a secret, from Key Vault or local settings). Azure without a key uses DefaultAzureCredential.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The user-assigned managed identity to use for Azure OpenAI without a key (falls back to AZURE_CLIENT_ID).</summary>
    public string? ManagedIdentityClientId { get; set; }

    [Range(16, 4096)]
    public int MaxOutputTokens { get; set; } = 400;

    /// <summary>The whole call's time limit; beyond it the step fails transiently and the step policy retries.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sampling temperature; sent to chat models only (reasoning models refuse anything but their default).</summary>
    [Range(0.0, 2.0)]
    public float Temperature { get; set; } = 0.7f;

    /// <summary>
    /// The model behind the deployment (e.g. "gpt-5.4-mini"), which decides the request shape and the tokenizer;
    /// empty for the deployment name (an OpenAI-compatible endpoint's deployment is the model name).
    /// </summary>
    public string? Model { get; set; }

    /// <summary>Which request shape the model takes; Auto decides from <see cref="ModelName"/>.</summary>
    public LlmRequestShape RequestShape { get; set; } = LlmRequestShape.Auto;

    /// <summary>
    /// Reasoning models spend part of max_completion_tokens on hidden reasoning: this many tokens are allowed for it on
    /// top of the answer's <see cref="MaxOutputTokens"/>.
    /// </summary>
    [Range(0, 32768)]
    public int ReasoningTokenAllowance { get; set; } = 2000;

    /// <summary>
    /// How prompt tokens are counted for the budget: Auto (the model's real tokenizer, o200k_base, for the GPT-4o, GPT-4.1,
    /// GPT-5 families and o-series; the UTF-8 ÷ 3 estimate for others), O200kBase, or Estimate.
    /// </summary>
    public LlmTokenizer Tokenizer { get; set; } = LlmTokenizer.Auto;

    /// <summary>The model's name as configured: <see cref="Model"/>, else the deployment name.</summary>
    public string ModelName => string.IsNullOrWhiteSpace(Model) ? Deployment : Model.Trim();
}
