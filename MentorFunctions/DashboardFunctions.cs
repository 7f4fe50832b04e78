using System.Net;
using MentorFunctions.Core.Admin.Dashboard;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace MentorFunctions;

/// <summary>
/// The dashboard's page and JSON endpoints under /api/dashboard/. Anonymous at the Functions level: Core verifies the
/// Entra ID token every request must carry (DashboardTokenVerifier) and decides everything else.
/// </summary>
public sealed class DashboardFunctions(DashboardApi dashboard)
{
    [Function("Dashboard")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "delete", Route = "dashboard/{*path}")] HttpRequestData request,
        string? path, FunctionContext context)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var query = request.Query.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.Query[k] ?? "", StringComparer.OrdinalIgnoreCase);
        var body = request.Method.Equals("GET", StringComparison.OrdinalIgnoreCase) ? null : await request.ReadAsStringAsync();
        var result = await dashboard.HandleAsync(
            new DashboardRequest(request.Method, path ?? "", headers, query, body, request.Url.AbsolutePath), context.CancellationToken);

        var response = request.CreateResponse((HttpStatusCode)result.Status);
        response.Headers.Add("Content-Type", result.ContentType);
        foreach (var (name, value) in result.Headers)
            response.Headers.Add(name, value);
        if (result.Body.Length > 0)
            await response.Body.WriteAsync(result.Body, context.CancellationToken);
        return response;
    }
}
