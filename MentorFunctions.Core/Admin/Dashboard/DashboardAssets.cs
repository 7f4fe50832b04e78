using System.Collections.Frozen;
using System.Reflection;

namespace MentorFunctions.Core.Admin.Dashboard;

/// <summary>The dashboard's page, style sheet and script, embedded in this assembly (plain files: no build step).</summary>
public static class DashboardAssets
{
    public sealed record Asset(string Name, string ContentType, byte[] Bytes);

    private static readonly FrozenDictionary<string, Asset> All = Load();

    public static Asset? Find(string name) => All.GetValueOrDefault(name);

    public static IEnumerable<string> Names => All.Keys;

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        const string prefix = "MentorFunctions.Core.Admin.Dashboard.Assets.";
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            assets[name] = new Asset(name, ContentType(name), copy.ToArray());
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
