using MentorFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorFunctions.Core.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Retention settings, the history purge queue and the pair keys (both join `forget`), the sealer and the maintenance run.</summary>
    public static IServiceCollection AddMentorPrivacy(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<HistoryPurgeRequests>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStore, HistoryPurgeRequests>(sp => sp.GetRequiredService<HistoryPurgeRequests>()));
        services.TryAddSingleton<PrivacyMaintenance>();
        services.TryAddSingleton<PairKeyStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStore, PairKeyStore>(sp => sp.GetRequiredService<PairKeyStore>()));
        services.TryAddSingleton<MessageSealer>();
        return services;
    }
}
