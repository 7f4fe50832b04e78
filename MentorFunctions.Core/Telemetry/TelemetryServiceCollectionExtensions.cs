using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorFunctions.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The product's <see cref="MentorMetrics"/> over the host's IMeterFactory (the Functions host registers one; AddMetrics
    /// is idempotent). Exporting is the host's business: the Functions shell adds OpenTelemetry when Application Insights is set.
    /// </summary>
    public static IServiceCollection AddMentorMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<MentorMetrics>();
        return services;
    }
}
