using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorFunctions.Core.Zulip;

public static class ZulipServiceCollectionExtensions
{
    /// <summary>The Zulip REST client (one per app, it caches the bots' own accounts and other users) and its HttpClient.</summary>
    public static IServiceCollection AddZulipClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient(ZulipClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(20));
        services.TryAddSingleton<IZulipClient, ZulipClient>();
        return services;
    }
}
