using System.Globalization;

namespace MentorLab.Cli;

/// <summary>
/// The options after the verb: <c>--name value</c>, <c>--name=value</c> and bare <c>--flag</c>. A verb reads what it
/// knows and then calls <see cref="EnsureAllUsed"/>, so a mistyped option is an error rather than silently ignored.
/// </summary>
public sealed class LabArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string?>> _repeated = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public LabArguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new LabUsageException($"Unexpected argument '{arg}'; options look like --name value.");
            var name = arg[2..];
            string? value = null;
            var eq = name.IndexOf('=');
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = list[++i];
            }
            if (!_repeated.TryGetValue(name, out var all)) _repeated[name] = all = [];
            all.Add(value);
            _options.TryAdd(name, value);
        }
    }

    public string? String(string name)
    {
        _used.Add(name);
        if (!_options.TryGetValue(name, out var value)) return null;
        if (_repeated[name].Count > 1) throw new LabUsageException($"Option --{name} is given twice.");
        return value ?? throw new LabUsageException($"Option --{name} needs a value.");
    }

    public string RequiredString(string name) =>
        String(name) ?? throw new LabUsageException($"Option --{name} is required.");

    /// <summary>Every value of an option that may be given more than once (--student 12 --student 34), in order.</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        _used.Add(name);
        if (!_repeated.TryGetValue(name, out var all)) return [];
        return all.Select(v => v ?? throw new LabUsageException($"Option --{name} needs a value.")).ToArray();
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        if (!_options.TryGetValue(name, out var value)) return false;
        if (_repeated[name].Count > 1) throw new LabUsageException($"Option --{name} is given twice.");
        return value is null ? true : throw new LabUsageException($"Option --{name} takes no value (got '{value}').");
    }

    public int Int(string name, int fallback, int min, int max)
    {
        var text = String(name);
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw new LabUsageException($"Option --{name} must be a whole number from {min} to {max} (got '{text}').");
        return v;
    }

    public double Double(string name, double fallback, double min, double max)
    {
        var text = String(name);
        if (text is null) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !(v >= min && v <= max))
            throw new LabUsageException(FormattableString.Invariant($"Option --{name} must be a number from {min} to {max} (got '{text}')."));
        return v;
    }

    /// <summary>A comma-separated list of whole numbers, e.g. --windows 40,100,200.</summary>
    public int[] IntList(string name, int[] fallback, int min, int max)
    {
        var text = String(name);
        if (text is null) return fallback;
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) throw new LabUsageException($"Option --{name} needs at least one number.");
        var result = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out result[i]) || result[i] < min || result[i] > max)
                throw new LabUsageException($"Option --{name}: '{parts[i]}' is not a whole number from {min} to {max}.");
        return result;
    }

    public void EnsureAllUsed()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new LabUsageException("Unknown option" + (unknown.Count > 1 ? "s " : " ") + string.Join(", ", unknown.Select(u => "--" + u)) + ".");
    }
}
