using System.Net;
using System.Net.Sockets;
using System.Text;
using MentorFunctions.Core.Admin.Dashboard;
using MentorFunctions.Tests.Admin.Dashboard;

namespace MentorFunctions.Tests.Browser;

/// <summary>
/// Serves the dashboard on a free loopback port for a real browser: every request under /api/dashboard goes to the same
/// <see cref="DashboardApi"/> the Functions shell calls. It plays App Service Authentication with its token store too:
/// any token header the browser sends is dropped and an ID token for the signed-in test user, signed by the loopback
/// issuer and valid on the app's clock, is forwarded as X-MS-TOKEN-AAD-ID-TOKEN, as the platform does.
/// </summary>
public sealed class DashboardTestServer : IAsyncDisposable
{
    private const string Prefix = "/api/dashboard";
    private readonly HttpListener _listener = new();
    private readonly DashboardApi _api;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public DashboardTestServer(DashboardApi api, TimeProvider clock, string signedInAs, params string[] roles)
    {
        _api = api;
        _clock = clock;
        SignedInAs = signedInAs;
        Roles = roles;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public string SignedInAs { get; set; }
    public string[] Roles { get; set; }
    public Uri Page => new($"http://127.0.0.1:{Port}{Prefix}/");

    /// <summary>Every request the browser made (method and path), for tests that check what was asked.</summary>
    public List<string> Requests { get; } = [];

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var path = request.Url!.AbsolutePath;
            lock (Requests) Requests.Add($"{request.HttpMethod} {path}");
            if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            {
                response.StatusCode = 404;
                return;
            }
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in request.Headers.AllKeys.OfType<string>())
                headers[key] = request.Headers[key] ?? "";
            headers.Remove("Authorization");
            headers[DashboardTokenVerifier.IdTokenHeader] = DashboardHarness.Entra.Token(SignedInAs, _clock.GetUtcNow(), Roles);
            var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in request.QueryString.AllKeys.OfType<string>())
                query[key] = request.QueryString[key] ?? "";
            string? body = null;
            if (request.HasEntityBody)
            {
                using var reader = new StreamReader(request.InputStream, request.ContentEncoding ?? Encoding.UTF8);
                body = await reader.ReadToEndAsync();
            }
            var rest = path.Length > Prefix.Length ? path[(Prefix.Length + 1)..] : "";
            var result = await _api.HandleAsync(new DashboardRequest(request.HttpMethod, Uri.UnescapeDataString(rest), headers, query, body, path), _stop.Token);
            response.StatusCode = result.Status;
            response.ContentType = result.ContentType;
            foreach (var (name, value) in result.Headers)
                response.Headers[name] = value;
            await response.OutputStream.WriteAsync(result.Body);
        }
        catch (Exception)
        {
            response.StatusCode = 500; // fails the page's console check: a defect, not an expected answer
        }
        finally
        {
            response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (Exception) { }
        _stop.Dispose();
    }
}
