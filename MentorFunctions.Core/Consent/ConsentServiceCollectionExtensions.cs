using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Zulip;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorFunctions.Core.Consent;

public static class ConsentServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="PairConsent"/> with its table (which joins `forget`) and the Zulip client it asks about users with.
    /// Expects TableStore, TimeProvider, IOptions&lt;ZulipOptions&gt;, IMentorRegistry and logging from the host, and
    /// IStyleProfileReader if the mentor's learned language is to choose the question's language.
    /// </summary>
    public static IServiceCollection AddPairConsent(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddZulipClient();
        services.TryAddSingleton<ConsentStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStore, ConsentStore>(sp => sp.GetRequiredService<ConsentStore>()));
        services.TryAddSingleton<Languages.MentorLanguages>();
        services.TryAddSingleton<PairConsent>();
        return services;
    }
}
