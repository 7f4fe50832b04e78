using System.Diagnostics.Metrics;
using System.Reflection;
using System.Text.Json;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using MentorFunctions.Core.Telemetry;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit.Abstractions;

namespace MentorFunctions.Tests.Hosting;

/// <summary>
/// The Functions worker built as Program.cs builds it (FunctionsApplication.CreateBuilder, then
/// <see cref="MentorWorker.Configure"/>) over the values of MentorFunctions/local.settings.sample.json, as `func start`
/// would hand them over: every options validator runs, and every function class of the shell is created from the
/// worker's container with its whole dependency graph. The host is built, not run: nothing here needs Core Tools.
/// </summary>
public sealed class WorkerStartupTests(ITestOutputHelper output)
{
    [Fact]
    public void The_worker_built_as_Program_cs_builds_it_creates_every_function_class()
    {
        using var host = BuildWorker(SampleSettings());

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var created = FunctionClasses().Select(type => ActivatorUtilities.GetServiceOrCreateInstance(host.Services, type)).ToList();

        output.WriteLine("Function classes: " + string.Join(", ", FunctionClasses().Select(t => t.Name)));
        Assert.All(created, Assert.NotNull);
        // The shell's HTTP functions (webhook, admin API, dashboard) and the Durable activities are all among them.
        Assert.Contains(typeof(ZulipWebhook), FunctionClasses());
        Assert.Contains(typeof(AdminApiFunctions), FunctionClasses());
        Assert.Contains(typeof(DashboardFunctions), FunctionClasses());
        Assert.Contains(typeof(Activities), FunctionClasses());
    }

    [Fact]
    public void A_missing_setting_fails_the_built_worker_at_start_up()
    {
        var settings = SampleSettings();
        settings.Remove("Zulip:Bots:0:ApiKey");
        using var host = BuildWorker(settings);

        var error = Assert.ThrowsAny<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("ApiKey", error.Message);
    }

    [Fact]
    public void In_Azure_a_dashboard_that_cannot_verify_tokens_fails_start_up_and_one_that_can_starts()
    {
        // As infra deploys it with an app registration: App Service sets WEBSITE_SITE_NAME, the app verifies tokens.
        var settings = SampleSettings();
        settings["WEBSITE_SITE_NAME"] = "mentor-prod";
        settings["Dashboard:SignIn"] = "AppService";
        using (var host = BuildWorker(settings))
        {
            var error = Assert.ThrowsAny<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
            Assert.Contains("Dashboard__TenantId", error.Message);
        }

        settings["Dashboard:TenantId"] = "7a1d2c3b-0000-4000-8000-00000000c0de";
        settings["Dashboard:ClientId"] = "5f0e9d8c-1111-4111-8111-00000000da5b";
        settings["Dashboard:Authority"] = "http://login.example.com/tenant/v2.0"; // keys over plain HTTP off this machine
        using (var host = BuildWorker(settings))
        {
            var error = Assert.ThrowsAny<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
            Assert.Contains("Dashboard__Authority", error.Message);
        }

        settings.Remove("Dashboard:Authority");
        using (var host = BuildWorker(settings))
            host.Services.GetRequiredService<IStartupValidator>().Validate();
        // Without a registration infra sets Off: the dashboard is closed and the rest of the app starts.
        settings["Dashboard:SignIn"] = "Off";
        settings.Remove("Dashboard:TenantId");
        settings.Remove("Dashboard:ClientId");
        using (var host = BuildWorker(settings))
            host.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void With_Application_Insights_set_the_worker_exports_the_product_meter_signed_in_as_the_managed_identity()
    {
        var settings = SampleSettings();
        // What infra/ sets: the connection string (no key is accepted: local auth is off) and the identity's client id.
        settings[WorkerTelemetry.ConnectionStringSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/";
        settings[WorkerTelemetry.ClientIdSetting] = "11111111-2222-3333-4444-555555555555";
        using var host = BuildWorker(settings);
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotNull(host.Services.GetService<MeterProvider>());
        Assert.NotNull(host.Services.GetService<TracerProvider>());
        // The provider listens to the product's meter: its instruments are enabled.
        var probe = host.Services.GetRequiredService<IMeterFactory>().Create(MentorMetrics.MeterName).CreateCounter<long>("mentor.test.probe");
        Assert.True(probe.Enabled);
        var exporter = host.Services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);
        Assert.IsType<ManagedIdentityCredential>(exporter.Credential);
        Assert.Equal(settings[WorkerTelemetry.ConnectionStringSetting], exporter.ConnectionString);
    }

    [Fact]
    public void Without_Application_Insights_no_telemetry_pipeline_is_built()
    {
        using var host = BuildWorker(SampleSettings());
        Assert.Null(host.Services.GetService<MeterProvider>());
        var probe = host.Services.GetRequiredService<IMeterFactory>().Create(MentorMetrics.MeterName).CreateCounter<long>("mentor.test.probe");
        Assert.False(probe.Enabled);
    }

    /// <summary>Every class of the shell with a [Function] method (static classes hold only orchestrators: nothing to create).</summary>
    internal static IReadOnlyList<Type> FunctionClasses() =>
        [.. typeof(MentorWorker).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))];

    /// <summary>The "Values" of local.settings.sample.json, keyed as configuration sees environment variables ("__" is ":").</summary>
    internal static Dictionary<string, string?> SampleSettings()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "MentorFunctions", "local.settings.sample.json")));
        return json.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString(), StringComparer.OrdinalIgnoreCase);
    }

    internal static IHost BuildWorker(IDictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        MentorWorker.Configure(builder);
        // Scope checks as in Development: a singleton capturing a scoped service fails here too.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
        return builder.Build();
    }
}
