using MentorFunctions.Core.Consent;
using MentorFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorFunctions.Core.Commands;

public static class ControlsServiceCollectionExtensions
{
    /// <summary>
    /// Chat commands, drafts, erasure and the admin API. The host registers TableStore, TimeProvider,
    /// IOptions&lt;ZulipOptions&gt;, IMentorRegistry, IStyleDescriber, IStyleProfileReader, IDraftPoster,
    /// IDraftFeedbackSink, IAuditReader and IProfileImporter, and adds its other IPersonalDataStore (profiles, audit) with
    /// <c>TryAddEnumerable</c>.
    /// </summary>
    public static IServiceCollection AddMentorControls(this IServiceCollection services)
    {
        services.AddOptions<ControlsOptions>().BindConfiguration(ControlsOptions.Section);
        services.TryAddSingleton<DraftStore>();
        services.TryAddSingleton<ForgetConfirmationStore>();
        services.TryAddSingleton<DraftDecisionHandler>();
        services.TryAddSingleton<UserDataEraser>();
        services.TryAddSingleton<IReplyStatusReporter, NoReplyStatusReporter>();
        services.TryAddSingleton<MentorControls>();
        services.AddPairConsent();
        services.TryAddSingleton<Languages.IStudentLanguages, Languages.StudentLanguages>();
        services.TryAddSingleton<CommandAnswerLanguage>();
        services.TryAddSingleton<MentorCommandHandler>();
        services.TryAddSingleton<HandledCommandStore>();
        // A command Zulip re-sends runs once; the re-send gets the first answer.
        services.TryAddSingleton<ICommandHandler>(sp =>
            ActivatorUtilities.CreateInstance<ReplayGuardedCommandHandler>(sp, sp.GetRequiredService<MentorCommandHandler>()));
        services.TryAddSingleton<Admin.AdminApi>();

        // Every store holding personal data joins `forget`; these are the ones the controls own.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStore, RegistryPersonalDataStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStore, DraftStore>(sp => sp.GetRequiredService<DraftStore>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStore, ForgetConfirmationStore>(sp => sp.GetRequiredService<ForgetConfirmationStore>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStore, HandledCommandStore>(sp => sp.GetRequiredService<HandledCommandStore>()));
        return services;
    }
}
