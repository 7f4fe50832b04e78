using MentorFunctions.Core.Llm;
using MentorFunctions.Core.Replies;
using MentorLab.Cli;

namespace MentorLab.Replies;

/// <summary>The replies verb's settings, read from the command line; the model settings are production's <see cref="LlmOptions"/>.</summary>
public sealed record RepliesOptions(
    string Input,
    LlmOptions Llm,
    int PromptTokenBudget,
    IReadOnlyList<string> Mentors,
    int MaxReplies,
    int MinMessages,
    double TrainShare,
    int Retries,
    bool IncludeText,
    string? JsonPath,
    string? HtmlFolder)
{
    /// <summary>Where the key is read from when --model-key is not given (a key on the command line shows in the process list).</summary>
    public const string KeyVariable = "MENTOR_LAB_MODEL_KEY";

    public const string Usage = """
          --input PATH               a Zulip export: a JSON file or a folder of them (required)
          --model-endpoint URL       the chat endpoint: an Azure OpenAI resource (https://NAME.openai.azure.com/), or an
                                     OpenAI-compatible base URL such as a local Ollama (http://127.0.0.1:11434/v1) (required)
          --deployment NAME          the Azure deployment, or the model name at an OpenAI-compatible endpoint (required)
          --provider azure|openai    Azure OpenAI (default) or any OpenAI-compatible endpoint
          --model NAME               the model behind the deployment (request shape and tokenizer; default: the deployment name)
          --model-key KEY            the API key (default: the MENTOR_LAB_MODEL_KEY environment variable; Azure without a
                                     key signs in with DefaultAzureCredential, e.g. az login)
          --mentors A,B              only these mentors (user ids or full names; default: every author with enough messages)
          --max-replies N            held-out replies generated per mentor, earliest first (default 20): each is one model call
          --min-messages N           authors with at least N messages are mentors and attribution candidates (default 30)
          --train SHARE              the earliest SHARE of each mentor's messages train the profile (default 0.8)
          --prompt-budget N          Replies:PromptTokenBudget (default: production's, 2000)
          --max-output-tokens N      Llm:MaxOutputTokens (default: production's, 400)
          --temperature T            Llm:Temperature (default: production's, 0.7; not sent to reasoning models)
          --timeout-seconds S        one model call's time limit (default: production's, 30)
          --retries N                a rate-limited, failed (5xx) or timed-out call is tried again up to N times,
                                     after the server's Retry-After or 2, 4, 8 s (default 2)
          --include-text             put message text in the outputs: the pairs side by side (student message, real reply,
                                     AI reply) and the signature phrases; only where the export's owner allows it
          --json PATH                write the results as JSON
          --html-dir DIR             write an HTML report per mentor (replies-<id>.html) and index.html
        """;

    public static RepliesOptions Read(LabArguments a)
    {
        var production = new LlmOptions();
        var replies = new ReplyOptions();
        var input = a.RequiredString("input");
        var endpointText = a.RequiredString("model-endpoint");
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            throw new LabUsageException($"Option --model-endpoint must be an http(s) URL (got '{endpointText}').");
        var deployment = a.RequiredString("deployment").Trim();
        if (deployment.Length == 0) throw new LabUsageException("Option --deployment needs a name.");
        var provider = (a.String("provider") ?? "azure").Trim().ToLowerInvariant() switch
        {
            "azure" or "azureopenai" => LlmProvider.AzureOpenAI,
            "openai" or "openaicompatible" or "ollama" => LlmProvider.OpenAICompatible,
            var other => throw new LabUsageException($"Option --provider must be azure or openai (got '{other}')."),
        };
        var key = a.String("model-key") ?? Environment.GetEnvironmentVariable(KeyVariable);
        // A key sent over plain http can be read on the way: only a model on this machine may be reached that way.
        if (!string.IsNullOrWhiteSpace(key) && endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback)
            throw new LabUsageException($"Option --model-endpoint must be https when a model key is set (plain http only to this machine, got '{endpoint.Host}').");
        var llm = new LlmOptions
        {
            Provider = provider,
            Endpoint = endpoint,
            Deployment = deployment,
            Model = a.String("model"),
            ApiKey = string.IsNullOrWhiteSpace(key) ? null : key.Trim(),
        };
        var mentors = (a.String("mentors") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var options = new RepliesOptions(
            input,
            llm,
            a.Int("prompt-budget", replies.PromptTokenBudget, 200, 100_000),
            mentors,
            a.Int("max-replies", 20, 1, 100_000),
            a.Int("min-messages", 30, 2, 10_000_000),
            a.Double("train", 0.8, 0.05, 0.95),
            a.Int("retries", 2, 0, 10),
            a.Flag("include-text"),
            a.String("json"),
            a.String("html-dir"));
        llm.MaxOutputTokens = a.Int("max-output-tokens", production.MaxOutputTokens, 16, 4096);
        llm.Temperature = (float)a.Double("temperature", production.Temperature, 0, 2);
        llm.Timeout = TimeSpan.FromSeconds(a.Double("timeout-seconds", production.Timeout.TotalSeconds, 1, 600));
        a.EnsureAllUsed();
        return options;
    }
}
