using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using MentorFunctions.Tests.Fixtures;

namespace MentorFunctions.Tests.Infra;

/// <summary>
/// infra/main.bicep compiled to an ARM template by the real Bicep CLI (restored from NuGet with the test project), once
/// per test class. The tests read what Azure would be asked to deploy, not the Bicep source text.
/// </summary>
public sealed class CompiledInfra
{
    public CompiledInfra()
    {
        var output = Path.Combine(Path.GetTempPath(), $"mentor-infra-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, diagnostics) = RunBicep("build", Path.Combine(RepoPaths.Root, "infra", "main.bicep"), "--outfile", output);
            Diagnostics = diagnostics;
            if (exitCode != 0)
                throw new InvalidOperationException($"bicep build failed ({exitCode}):\n{diagnostics}");
            Json = File.ReadAllText(output);
        }
        finally
        {
            File.Delete(output);
        }
        Root = new ArmDeployment("(root)", JsonNode.Parse(Json)!.AsObject(), Parameters: null, Condition: null);
        Deployments = [Root, .. Root.Descendants()];
    }

    /// <summary>The compiled template, as text.</summary>
    public string Json { get; }

    /// <summary>What the CLI printed: errors, warnings and linter findings, one a line.</summary>
    public string Diagnostics { get; }

    /// <summary>main.bicep's own template (subscription scope).</summary>
    public ArmDeployment Root { get; }

    /// <summary>The root and every module deployment nested in it, depth first.</summary>
    public IReadOnlyList<ArmDeployment> Deployments { get; }

    /// <summary>The module deployment of that name (the `name:` of a module in main.bicep).</summary>
    public ArmDeployment Module(string name) =>
        Deployments.SingleOrDefault(d => d.Name == name)
        ?? throw new InvalidOperationException($"no module deployment named '{name}'; have: {string.Join(", ", Deployments.Select(d => d.Name))}");

    /// <summary>Every resource of a type, in any template, with the deployment that holds it.</summary>
    public IEnumerable<(ArmDeployment Deployment, JsonObject Resource)> Resources(string type) =>
        Deployments.SelectMany(d => d.Resources().Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase))
            .Select(r => (d, r)));

    /// <summary>The single resource of a type across all templates.</summary>
    public (ArmDeployment Deployment, JsonObject Resource) Single(string type)
    {
        var all = Resources(type).ToList();
        Assert.True(all.Count == 1, $"expected one {type}, found {all.Count}");
        return all[0];
    }

    /// <summary>The function app's app settings: name → literal or ARM expression.</summary>
    public Dictionary<string, string> AppSettings()
    {
        var (_, config) = Resources("Microsoft.Web/sites/config").Single(r => ((string?)r.Resource["name"])?.Contains("'appsettings'") == true);
        return config["properties"]!.AsObject().ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "");
    }

    public static string BicepPath()
    {
        var overridden = Environment.GetEnvironmentVariable("BICEP");
        if (!string.IsNullOrEmpty(overridden))
            return overridden;
        var recorded = typeof(CompiledInfra).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepCliPath")?.Value;
        if (string.IsNullOrEmpty(recorded) || !File.Exists(recorded))
            throw new FileNotFoundException(
                $"The Bicep CLI is restored by MentorFunctions.Tests (PackageDownload Azure.Bicep.CommandLine.linux-x64) but was not found at '{recorded}'. Run `dotnet restore MentorFunctions.Tests`.");
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(recorded).HasFlag(UnixFileMode.UserExecute))
            File.SetUnixFileMode(recorded, File.GetUnixFileMode(recorded) | UnixFileMode.UserExecute);
        return recorded;
    }

    private static (int ExitCode, string Output) RunBicep(params string[] args)
    {
        var psi = new ProcessStartInfo(BicepPath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var arg in args)
            psi.ArgumentList.Add(arg);
        // No telemetry from a test run.
        psi.Environment["BICEP_TRACING_ENABLED"] = "false";
        psi.Environment["AZURE_BICEP_TELEMETRY_OPT_OUT"] = "true";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("bicep could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("bicep did not finish within 2 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

/// <summary>
/// One ARM template and how it is deployed: the root template, or a module's nested deployment with the parameter
/// values main.bicep passes to it and its deployment condition.
/// </summary>
public sealed record ArmDeployment(string Name, JsonObject Template, JsonObject? Parameters, string? Condition)
{
    /// <summary>The template's resources; ARM allows an array or, in language version 2.0, an object keyed by symbolic name.</summary>
    public IEnumerable<JsonObject> Resources() => Template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };

    /// <summary>The expression or literal main.bicep passes for a module parameter.</summary>
    public string ParameterValue(string name) =>
        Parameters?[name]?["value"]?.ToString() ?? throw new InvalidOperationException($"module '{Name}' is given no parameter '{name}'");

    /// <summary>The template's declared parameters (name → declaration).</summary>
    public JsonObject DeclaredParameters => Template["parameters"]?.AsObject() ?? [];

    public JsonObject Outputs => Template["outputs"]?.AsObject() ?? [];

    public IEnumerable<ArmDeployment> Descendants()
    {
        foreach (var resource in Resources())
        {
            if ((string?)resource["type"] != "Microsoft.Resources/deployments" || resource["properties"]?["template"] is not JsonObject template)
                continue;
            var nested = new ArmDeployment(
                (string?)resource["name"] ?? "", template, resource["properties"]?["parameters"]?.AsObject(), resource["condition"]?.ToString());
            yield return nested;
            foreach (var deeper in nested.Descendants())
                yield return deeper;
        }
    }
}
