using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorFunctions.Core.Admin.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's API and read side (section "Dashboard"); needs the rest of Core registered.</summary>
    public static IServiceCollection AddMentorDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section)
            // In Azure (App Service sets WEBSITE_SITE_NAME) a dashboard that cannot verify anyone is a start-up error.
            .Validate<IConfiguration>((o, config) => o.SignIn != DashboardSignIn.AppService || string.IsNullOrEmpty(config["WEBSITE_SITE_NAME"]) || o.HasTokenSettings,
                "Dashboard: set Dashboard__TenantId and Dashboard__ClientId (the Entra ID app registration people sign in to).")
            .Validate(o => string.IsNullOrWhiteSpace(o.Authority) || o.AuthorityIsAcceptable,
                "Dashboard: Dashboard__Authority must be an absolute https address (plain http only on loopback).")
            .ValidateOnStart();
        services.AddHttpClient(DashboardTokenVerifier.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton<DashboardTokenVerifier>();
        services.TryAddSingleton<DashboardData>();
        services.TryAddSingleton<DashboardApi>();
        return services;
    }
}
