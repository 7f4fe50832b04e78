using System.Text;
using System.Text.Json;
using MentorFunctions.Core.Admin.Dashboard;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;

namespace MentorFunctions.Tests.Admin.Dashboard;

/// <summary>
/// Calls the dashboard's Core entry point the way the Functions shell does, signed in as someone (a bearer token from
/// the loopback issuer, valid on the app's clock) or no one.
/// </summary>
public static class DashboardHarness
{
    public const string StaffEmail = "coordinator@mentoring.example.com";

    /// <summary>The token issuer every dashboard test trusts (one per test run; it lives as long as the process).</summary>
    public static LoopbackEntraId Entra { get; } = new();

    /// <summary>Settings for a deployment with App Service Authentication on, the loopback issuer and one staff member on the allow-list.</summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(Entra.Settings())
        {
            ["WEBSITE_AUTH_ENABLED"] = "True",
            ["Dashboard:StaffEmails"] = StaffEmail,
        };
        foreach (var (k, v) in more ?? new Dictionary<string, string?>()) settings[k] = v;
        return settings;
    }

    public static async Task<(int Status, JsonElement Json, DashboardResponse Raw)> CallAsync(
        MentorApp app, string method, string path, string? signedInAs, string? body = null, string contentType = "application/json",
        string[]? roles = null, IDictionary<string, string>? headers = null)
    {
        var h = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Host"] = "127.0.0.1:7071" };
        if (signedInAs is not null) h["Authorization"] = "Bearer " + Entra.Token(signedInAs, app.Clock.GetUtcNow(), roles);
        if (method != "GET") h["Content-Type"] = contentType;
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) h[k] = v;
        var pathOnly = path.Split('?')[0];
        var query = path.Contains('?')
            ? path[(path.IndexOf('?') + 1)..].Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.ElementAtOrDefault(1) ?? ""))
            : new Dictionary<string, string>();
        var response = await app.Get<DashboardApi>().HandleAsync(
            new DashboardRequest(method, pathOnly, h, query, body, "/api/dashboard/" + pathOnly), CancellationToken.None);
        var json = response.ContentType.StartsWith("application/json", StringComparison.Ordinal) && response.Body.Length > 0
            ? JsonDocument.Parse(Encoding.UTF8.GetString(response.Body)).RootElement.Clone()
            : default;
        return (response.Status, json, response);
    }

    public static string BotPath => "api/bots/" + Uri.EscapeDataString(MentorApp.Bot);

    /// <summary>The first error's field of a 4xx answer.</summary>
    public static string Field(JsonElement json) => json.GetProperty("errors")[0].GetProperty("field").GetString()!;
}
