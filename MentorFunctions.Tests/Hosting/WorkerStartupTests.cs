using System.Reflection;
using System.Text.Json;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
