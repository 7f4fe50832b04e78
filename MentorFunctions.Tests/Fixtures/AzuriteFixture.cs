using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Tests.Fixtures;

/// <summary>
/// Real Azurite (Table service only), started once per test run on a free loopback port, in memory, telemetry off,
/// and stopped when the run ends. Tests share the process and isolate themselves with a fresh table prefix each.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // Azurite's well-known development account; public, documented, not a secret.
    private const string DevAccount = "devstoreaccount1";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;
    private int _prefixCounter;

    public int Port { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};TableEndpoint=http://127.0.0.1:{Port}/{DevAccount};";

    public TableServiceClient CreateServiceClient() => new(ConnectionString);

    /// <summary>A TableStore with a table prefix no other test uses.</summary>
    public TableStore CreateStore(string? hint = null)
    {
        var n = Interlocked.Increment(ref _prefixCounter);
        var prefix = "t" + new string((hint ?? "x").Where(char.IsAsciiLetterOrDigit).Take(12).ToArray()) + n;
        return new TableStore(CreateServiceClient(), prefix);
    }

    // Set only for an instance a test stops and starts again: its data lives on disk there, so it survives the stop.
    private string? _location;

    /// <summary>
    /// A private Azurite, on disk in a temporary folder, that a test may stop (<see cref="StopForTest"/>: storage is
    /// unreachable, as in an outage) and start again on the same port with the same data (<see cref="StartAgainAsync"/>).
    /// </summary>
    public static async Task<AzuriteFixture> StartStoppableAsync()
    {
        var fixture = new AzuriteFixture { _location = Directory.CreateTempSubdirectory("azurite-").FullName };
        await fixture.InitializeAsync();
        return fixture;
    }

    /// <summary>Stops the stoppable instance: every call fails as when storage is down (connection refused).</summary>
    public void StopForTest()
    {
        if (_location is null)
            throw new InvalidOperationException("Only an instance from StartStoppableAsync may be stopped: the shared one serves other tests.");
        // SIGINT, not a kill: Azurite saves its database on the way out (a kill loses up to 5 s of writes, its autosave interval).
        if (_process is { HasExited: false } process)
        {
            using var term = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            term.WaitForExit();
            process.WaitForExit(15_000);
        }
        Stop();
    }

    /// <summary>Starts the stopped instance again, on the same port, with the data it had.</summary>
    public Task StartAgainAsync() => StartAsync(Port);

    public Task InitializeAsync() => StartAsync(port: null);

    private async Task StartAsync(int? port)
    {
        var script = Path.Combine(RepoPaths.Root, "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(script))
            throw new InvalidOperationException($"Azurite is not installed ({script} missing). Run `npm ci` in {RepoPaths.Root}; the test build does it when node_modules is absent.");

        Exception? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Port = port ?? FreePort();
            var psi = new ProcessStartInfo("node")
            {
                WorkingDirectory = Path.GetTempPath(), // nothing is written: persistence is in memory
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
                     {
                         script, "--disableTelemetry", "--silent", "--skipApiVersionCheck",
                         "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(),
                     }.Concat(_location is null ? ["--inMemoryPersistence"] : ["--location", _location]))
                psi.ArgumentList.Add(arg);
            _process = Process.Start(psi) ?? throw new InvalidOperationException("node could not be started");
            var errors = new System.Text.StringBuilder();
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            try
            {
                await WaitUntilListeningAsync(TimeSpan.FromSeconds(30));
                return;
            }
            catch (Exception e)
            {
                lock (errors) last = new InvalidOperationException($"{e.Message}: {errors}", e);
                Stop();
            }
        }
        throw new InvalidOperationException("Azurite did not start", last);
    }

    public Task DisposeAsync()
    {
        Stop();
        if (_location is not null)
        {
            try { Directory.Delete(_location, recursive: true); }
            catch (IOException) { }
        }
        return Task.CompletedTask;
    }

    private void Stop()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        _process = null;
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var client = CreateServiceClient();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process is { HasExited: true })
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}");
            try
            {
                await foreach (var _ in client.QueryAsync(maxPerPage: 1)) break;
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Test classes that need Table Storage join this collection and get the shared Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
