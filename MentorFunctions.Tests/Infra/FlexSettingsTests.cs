using System.Text.Json.Nodes;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Replies;
using MentorFunctions.Core.Telemetry;
using MentorFunctions.Tests.Fixtures;

namespace MentorFunctions.Tests.Infra;

/// <summary>The Flex Consumption, host and monitoring settings this app depends on, read from what would be deployed.</summary>
public sealed class FlexSettingsTests(CompiledInfra infra) : IClassFixture<CompiledInfra>
{
    [Fact]
    public void The_http_group_has_an_always_ready_instance_so_a_cold_start_stays_out_of_zulips_10_second_budget()
    {
        var (_, site) = infra.Single("Microsoft.Web/sites");
        var groups = site["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!["alwaysReady"]!.AsArray();
        Assert.Equal(1, (int)groups.Single(g => (string?)g!["name"] == "http")!["instanceCount"]!);
        Assert.Equal(1, (int)groups.Single(g => (string?)g!["name"] == "durable")!["instanceCount"]!);
    }

    [Fact]
    public void Maximum_instance_count_takes_flex_consumptions_range_1_to_1000()
    {
        var parameter = infra.Root.DeclaredParameters["maximumInstanceCount"]!;
        Assert.Equal(1, (int)parameter["minValue"]!);
        Assert.Equal(1000, (int)parameter["maxValue"]!);
    }

    [Fact]
    public void The_default_model_is_current_and_its_name_reaches_the_app()
    {
        var parameters = infra.Root.DeclaredParameters;
        Assert.Equal("gpt-5.4-mini", (string?)parameters["openAiModelName"]!["defaultValue"]);
        Assert.Equal("2026-03-17", (string?)parameters["openAiModelVersion"]!["defaultValue"]);
        var azd = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "main.parameters.json")))!["parameters"]!;
        Assert.Equal("${AZURE_OPENAI_MODEL=gpt-5.4-mini}", (string?)azd["openAiModelName"]!["value"]);
        Assert.Equal("${AZURE_OPENAI_MODEL_VERSION=2026-03-17}", (string?)azd["openAiModelVersion"]!["value"]);
        Assert.Equal("[parameters('openAiModelName')]", infra.AppSettings()["Llm__Model"]);
    }

    [Fact]
    public void Durable_polls_its_queues_at_most_5_seconds_apart_and_the_host_speaks_opentelemetry()
    {
        // Durable's default 30 s maximum would delay a mentor's stand-down event; Microsoft advises 10 s or less on Flex.
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "MentorFunctions", "host.json")))!;
        var interval = TimeSpan.Parse((string)host["extensions"]!["durableTask"]!["storageProvider"]!["maxQueuePollingInterval"]!);
        Assert.InRange(interval, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.Equal("OpenTelemetry", (string?)host["telemetryMode"]);
    }

    [Fact]
    public void Every_resource_sends_its_logs_and_metrics_to_the_workspace()
    {
        var diagnostics = infra.Resources("Microsoft.Insights/diagnosticSettings").Select(r => r.Resource).ToList();
        var scopes = diagnostics.Select(d => (string?)d["scope"] ?? "").ToList();
        foreach (var resource in new[] { "Microsoft.Web/sites", "tableServices", "queueServices", "Microsoft.CognitiveServices/accounts", "Microsoft.KeyVault/vaults" })
            Assert.Contains(scopes, s => s.Contains(resource, StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.Contains("Microsoft.OperationalInsights/workspaces", d["properties"]!["workspaceId"]!.ToString()));
        Assert.Contains(diagnostics, d => d["properties"]!["logs"]?.AsArray().Any(l => (string?)l!["category"] == "FunctionAppLogs") == true);
    }

    [Fact]
    public void Alerts_cover_5xx_failed_replies_webhook_503s_and_the_token_budget()
    {
        var (_, http5xx) = infra.Single("Microsoft.Insights/metricAlerts");
        Assert.Equal("Http5xx", (string?)http5xx["properties"]!["criteria"]!["allOf"]![0]!["metricName"]);

        // The log alerts are one copy loop; its queries name the app's own instruments and attributes.
        var (_, rules) = infra.Single("Microsoft.Insights/scheduledQueryRules");
        var queries = infra.Module("alerts").Template["variables"]!["appMetricAlerts"]!.AsArray()
            .Select(a => (string)a!["query"]!).ToList();
        // ... exactly as MentorMetrics names and tags them (a renamed instrument or reason would silence an alert).
        Assert.Contains(queries, q => q.Contains($"\"{MentorMetrics.Replies}\"", StringComparison.Ordinal)
            && q.Contains($"== \"{MentorMetrics.OutcomeName(DeliveryOutcome.Failed)}\"", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains($"\"{MentorMetrics.WebhookRequests}\"", StringComparison.Ordinal) && q.Contains("http.response.status_code", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains($"== \"{MentorMetrics.OutcomeName(DeliveryOutcome.Limited)}\"", StringComparison.Ordinal)
            && q.Contains($"== \"{ReplyLimiter.OrganisationTokens}\"", StringComparison.Ordinal));
        Assert.NotNull(rules["copy"]);
    }
}
