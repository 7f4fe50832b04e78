using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorFunctions.Core.Admin.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's API and read side (section "Dashboard"); needs the rest of Core registered.</summary>
    public static IServiceCollection AddMentorDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section);
        services.TryAddSingleton<DashboardData>();
        services.TryAddSingleton<DashboardApi>();
        return services;
    }
}
