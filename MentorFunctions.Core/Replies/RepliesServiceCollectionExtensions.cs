using MentorFunctions.Core.Llm;
using MentorFunctions.Core.Safety;
using MentorFunctions.Core.Llm.Tokens;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Telemetry;
using MentorFunctions.Core.Zulip;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Replies;

public static class RepliesServiceCollectionExtensions
{
    /// <summary>
    /// The reply step and what it needs of its own: Zulip client, chat model, prompt builder, limits, ledger, audit and
    /// options ("Replies", "Llm"). The host registers TableStore, TimeProvider, IOptions&lt;ZulipOptions&gt;,
    /// IMentorRegistry and IStyleProfileReader.
    /// </summary>
    public static IServiceCollection AddMentorReplies(this IServiceCollection services)
    {
        services.AddMentorMetrics();
        services.AddOptions<ReplyOptions>().BindConfiguration(ReplyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddZulipClient();
        // The SDK pipeline applies its own network timeout (LlmOptions.Timeout); the HttpClient's must not cut it first.
        services.AddHttpClient(OpenAIChatModel.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<IChatModel, OpenAIChatModel>();
        // One tokenizer per process: creating it loads the whole vocabulary.
        services.TryAddSingleton<ITokenCounter>(sp => TokenCounters.For(sp.GetRequiredService<IOptions<LlmOptions>>().Value));
        services.TryAddSingleton<PromptBuilder>();
        services.TryAddSingleton<ReplyLimitCounters>();
        services.TryAddSingleton<ReplyLimiter>();
        services.TryAddSingleton<ReplyLedger>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<Commands.DraftStore>();
        services.AddOptions<SafeguardingOptions>().BindConfiguration(SafeguardingOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.StudentMessages.Count > 0 && o.StudentMessages.Values.All(m => !string.IsNullOrWhiteSpace(m) && m.Length <= 2000),
                "Safeguarding:StudentMessages needs at least one non-empty message of at most 2000 characters per language.")
            .Validate(o => o.Organisations.All(org => org.StudentMessages.Values.All(m => !string.IsNullOrWhiteSpace(m) && m.Length <= 2000)),
                "Safeguarding:Organisations:*:StudentMessages must be non-empty and at most 2000 characters.")
            .ValidateOnStart();
        services.TryAddSingleton<DistressDetector>();
        services.TryAddSingleton<Languages.MentorLanguages>();
        services.TryAddSingleton<DistressEscalator>();
        services.TryAddSingleton<OutputGuard>();
        services.TryAddSingleton<ReplyDeliverer>();
        services.TryAddSingleton<Commands.IDraftPoster, ZulipDraftPoster>();
        return services;
    }
}
