using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using MentorFunctions.Core.Telemetry;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace MentorFunctions;

/// <summary>
/// OpenTelemetry as the Functions templates set it up for the isolated worker: the worker's own traces and logs
/// (UseFunctionsWorkerDefaults), the product's Meter (<see cref="MentorMetrics.MeterName"/>), exported to Application
/// Insights, only when APPLICATIONINSIGHTS_CONNECTION_STRING is set. Application Insights has local (key) auth off, so
/// the exporter signs in with the app's user-assigned managed identity (AZURE_CLIENT_ID, set by infra/).
/// </summary>
public static class WorkerTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string ClientIdSetting = "AZURE_CLIENT_ID";

    public static IServiceCollection AddMentorTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
            return services;

        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithMetrics(metrics => metrics.AddMeter(MentorMetrics.MeterName))
            .UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = connectionString;
                exporter.Credential = Credential(configuration[ClientIdSetting]);
            });
        return services;
    }

    /// <summary>The user-assigned identity when its client id is set (Azure); otherwise the developer's sign-in.</summary>
    internal static TokenCredential Credential(string? clientId) =>
        string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
}
