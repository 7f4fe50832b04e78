using System.Diagnostics;
using Microsoft.Playwright;

namespace MentorFunctions.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright's own browser download is not used). When Chromium is missing and
/// the tests run as root, it is installed with apt-get, once; otherwise the tests fail with what to install.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Headless without a sandbox (root in a container) and without Chromium's background calls home, which a closed
    // network refuses (and which would slow every start).
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await EnsureChromiumAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }

    private static async Task EnsureChromiumAsync()
    {
        if (File.Exists(ExecutablePath)) return;
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ExecutablePath}. Install it with `sudo apt-get install -y chromium` (CI's .ci/run does).");
        // A fresh machine may have no package lists yet: try, then update and retry.
        if (await RunAsync("apt-get", "install -y -q chromium") != 0)
        {
            await RunAsync("apt-get", "update -q");
            await RunAsync("apt-get", "install -y -q chromium");
        }
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"apt-get could not install chromium; the browser tests need it at {ExecutablePath}.");
    }

    private static async Task<int> RunAsync(string file, string arguments)
    {
        var psi = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(psi)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
