using MentorFunctions.Core.Privacy;
using Azure.Data.Tables;
using Azure.Identity;
using MentorFunctions.Core.Admin;
using MentorFunctions.Core.Admin.Dashboard;
using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Intake;
using MentorFunctions.Core.Replies;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Telemetry;
using MentorFunctions.Core.Timing;
using MentorFunctions.Core.Zulip;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Hosting;

/// <summary>Wires everything the Functions app needs from Core, from configuration.</summary>
public static class MentorCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers storage, the Zulip bots and every Core feature. Configuration sections: "Storage", "Zulip", "Llm",
    /// "Timing", "Replies", "Style", "Controls", "MentorRegistry" (see the README's settings table).
    /// </summary>
    public static IServiceCollection AddMentorFunctionsCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddMentorMetrics();
        services.AddMentorStorage();
        services.AddOptions<ZulipOptions>().BindConfiguration(ZulipOptions.Section)
            .Validate(o => o.Bots.Count > 0, "Configure at least one bot: Zulip:Bots:0:Site, Email, ApiKey, WebhookToken.")
            .Validate(o => o.Bots.All(b => b.Site is not null && b.Email.Length > 0 && b.ApiKey.Length > 0 && b.WebhookToken.Length > 0),
                "Every bot needs Site, Email, ApiKey and WebhookToken.")
            .ValidateOnStart();

        // The real command handler before the intake's help-only default, and the real usage line before the
        // controls' silent default (all use TryAdd).
        services.TryAddSingleton<IReplyStatusReporter, ReplyStatusReporter>();
        services.AddMentorControls();
        services.AddMentorIntake();
        services.AddMentorStyle();
        services.AddMentorTiming();
        services.AddMentorReplies();
        services.AddMentorDashboard();
        services.AddMentorPrivacy();

        // Where the features meet: the workflow's steps, and the ports the controls declare.
        services.TryAddSingleton<IConversationSteps, ConversationStepRunner>();
        services.TryAddSingleton<IStyleDescriber, StyleDescriber>();
        services.TryAddSingleton<IDraftFeedbackSink, DraftEditLearner>();
        services.TryAddSingleton<IAuditReader, AuditReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStore, ProfilePersonalDataStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStore, ConversationTablesPersonalDataStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStore, ReplyLimitsPersonalDataStore>());
        services.TryAddSingleton<Consent.ProfileImportRecords>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStore, Consent.ProfileImportRecords>(sp => sp.GetRequiredService<Consent.ProfileImportRecords>()));
        services.TryAddSingleton<IProfileImporter, ProfileImporter>();
        services.TryAddSingleton<PendingReplyBoard>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStore, PendingReplyBoard>(sp => sp.GetRequiredService<PendingReplyBoard>()));
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
            // In Azure the app runs as its user-assigned identity; DefaultAzureCredential finds it through AZURE_CLIENT_ID.
            var service = string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new TableServiceClient(options.TableServiceUri, new DefaultAzureCredential())
                : new TableServiceClient(options.ConnectionString);
            return new TableStore(service, options.TablePrefix);
        });
        return services;
    }
}
