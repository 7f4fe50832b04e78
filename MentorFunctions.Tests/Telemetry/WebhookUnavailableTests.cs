using System.Diagnostics.Metrics;
using MentorFunctions.Core.Telemetry;
using MentorFunctions.Tests.Durable;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace MentorFunctions.Tests.Telemetry;

/// <summary>
/// Table Storage unreachable: the shell's webhook answers Zulip a typed 503 (Zulip shows the failure and re-sends), never
/// a 500 with a stack trace, and the call is counted as unavailable, which the webhook-unavailable alert reads.
/// </summary>
public sealed class WebhookUnavailableTests
{
    [Fact]
    public async Task Unreachable_storage_is_a_typed_503_counted_as_unavailable()
    {
        var config = new Dictionary<string, string?>
        {
            // Nothing listens on port 1: every table call fails to connect.
            ["Storage:ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" +
                "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;",
            ["Zulip:Bots:0:Site"] = "http://127.0.0.1:1/",
            ["Zulip:Bots:0:Email"] = MentorApp.Bot,
            ["Zulip:Bots:0:ApiKey"] = "bot-api-key",
            ["Zulip:Bots:0:WebhookToken"] = MentorApp.Token,
            ["Llm:Endpoint"] = "http://127.0.0.1:1/",
            ["Llm:Deployment"] = "mentor-gpt",
            ["MentorRegistry:CacheTtl"] = "00:00:00",
        };
        var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        services.AddMentorFunctionsShell();
        await using var provider = services.BuildServiceProvider();
        using var webhook = new MetricCollector<long>(provider.GetRequiredService<IMeterFactory>(), MentorMetrics.MeterName, MentorMetrics.WebhookRequests);
        var shell = ActivatorUtilities.CreateInstance<ZulipWebhook>(provider);

        var body = DurableApp.Payload(4711, DurableApp.Sam, DurableApp.Ana, "Are you there?", DateTimeOffset.UtcNow);
        var (request, context) = ShellHttp.Post(provider, new Uri("http://localhost/api/zulip/webhook"), body, "application/json");
        // The message never reaches Durable: no client is needed.
        var response = await shell.Run(request, null!, context);

        Assert.Equal(503, (int)response.StatusCode);
        var json = ShellHttp.ReadBody(response);
        Assert.Contains("try again", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", json, StringComparison.Ordinal);
        var call = Assert.Single(webhook.GetMeasurementSnapshot());
        Assert.Equal("unavailable", call.Tags["mentor.webhook.kind"]);
        Assert.Equal(503, call.Tags["http.response.status_code"]);
    }
}
