using System.Net;
using System.Net.Sockets;

namespace MentorFunctions.Tests.Fixtures.Loopback;

/// <summary>A tiny HTTP server on 127.0.0.1 (HttpListener) on a free port; each request goes to the handler.</summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handler;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    public LoopbackHttpServer(Func<HttpListenerContext, Task> handler)
    {
        _handler = handler;
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                try
                {
                    await _handler(context).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    try
                    {
                        context.Response.StatusCode = 599;
                        await using var writer = new StreamWriter(context.Response.OutputStream);
                        await writer.WriteAsync("loopback handler failed: " + e.Message);
                    }
                    catch (Exception)
                    {
                        // The client is gone (e.g. timed out): nothing to answer.
                    }
                }
                finally
                {
                    try { context.Response.Close(); } catch (Exception) { }
                }
            });
        }
    }

    public static async Task WriteAsync(HttpListenerResponse response, int status, string body, string contentType = "application/json",
        IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        foreach (var (name, value) in headers ?? [])
            response.AddHeader(name, value);
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        // HttpListener can throw "Address already in use" while releasing its port when another test's listener is
        // being set up on the machine at the same moment; the server is stopping anyway.
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (HttpListenerException) { }
        try { await _loop.ConfigureAwait(false); } catch (Exception) { }
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
