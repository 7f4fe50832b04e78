using Azure.Data.Tables;
using Azure.Identity;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Zulip;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Hosting;

/// <summary>Wires everything the Functions app needs from Core, from configuration.</summary>
public static class MentorCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers storage, Zulip bots and every Core feature. Configuration sections: "Storage", "Zulip", "Llm", "Timing",
    /// "Replies" (see the README's settings table).
    /// </summary>
    public static IServiceCollection AddMentorFunctionsCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMentorStorage();
        services.AddOptions<ZulipOptions>().BindConfiguration(ZulipOptions.Section)
            .Validate(o => o.Bots.Count > 0, "Configure at least one bot: Zulip:Bots:0:Site, Email, ApiKey, WebhookToken.")
            .Validate(o => o.Bots.All(b => b.Site is not null && b.Email.Length > 0 && b.ApiKey.Length > 0 && b.WebhookToken.Length > 0),
                "Every bot needs Site, Email, ApiKey and WebhookToken.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>The app's tables: a connection string (Azurite locally), or the table endpoint with managed identity in Azure.</summary>
    public static IServiceCollection AddMentorStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString) || o.TableServiceUri is not null,
                "Set Storage:ConnectionString (locally: UseDevelopmentStorage=true) or Storage:TableServiceUri (in Azure).")
            .ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var service = string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new TableServiceClient(options.TableServiceUri, new DefaultAzureCredential())
                : new TableServiceClient(options.ConnectionString);
            return new TableStore(service, options.TablePrefix);
        });
        return services;
    }
}
