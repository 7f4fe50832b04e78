using MentorLab.Cli;

namespace MentorLab.Import;

/// <summary>
/// A Zulip account's credentials from its zuliprc (INI: <c>[api]</c> with <c>email</c>, <c>key</c>, <c>site</c>), the
/// file Zulip's "Download zuliprc" gives. The key is only ever sent to that site; <see cref="ToString"/> leaves it out.
/// </summary>
public sealed class Zuliprc
{
    private Zuliprc(string email, string key, Uri site)
    {
        Email = email;
        Key = key;
        Site = site;
    }

    public string Email { get; }
    public string Key { get; }
    public Uri Site { get; }

    public static Zuliprc Read(string path)
    {
        if (!File.Exists(path)) throw new LabUsageException($"No zuliprc at {path} (Zulip: Personal settings → Account & privacy → API key → Download zuliprc).");
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? section = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[' && line[^1] == ']')
            {
                section = line[1..^1].Trim();
                continue;
            }
            var eq = line.IndexOf('=');
            if (eq <= 0 || !string.Equals(section, "api", StringComparison.OrdinalIgnoreCase)) continue;
            values[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }
        string Required(string name) => values.TryGetValue(name, out var v) && v.Length > 0
            ? v
            : throw new LabUsageException($"{path} has no {name}= in its [api] section.");
        var email = Required("email");
        var key = Required("key");
        var siteText = Required("site");
        if (!siteText.Contains("://", StringComparison.Ordinal)) siteText = "https://" + siteText;
        if (!Uri.TryCreate(siteText, UriKind.Absolute, out var site) || site.Scheme is not ("https" or "http"))
            throw new LabUsageException($"{path}: site= is not a web address ({siteText}).");
        return new Zuliprc(email, key, site);
    }

    public override string ToString() => $"{Email} on {Site}";
}
