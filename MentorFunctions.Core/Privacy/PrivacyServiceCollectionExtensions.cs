using MentorFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorFunctions.Core.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Retention settings, the history purge queue (which joins `forget`) and the maintenance run.</summary>
    public static IServiceCollection AddMentorPrivacy(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<HistoryPurgeRequests>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStore, HistoryPurgeRequests>(sp => sp.GetRequiredService<HistoryPurgeRequests>()));
        services.TryAddSingleton<PrivacyMaintenance>();
        return services;
    }
}
