using System.Diagnostics;

namespace MentorLab.Cli;

/// <summary>
/// Where a verb writes: results to <see cref="Out"/> (stdout, so they can be piped), progress and errors to
/// <see cref="Error"/> (stderr). Progress lines are throttled so a long run stays readable.
/// </summary>
public sealed class LabConsole(TextWriter output, TextWriter error)
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);
    private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
    private string? _lastStage;

    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Reports how far a long step is ("learning 1200/5000"), at most once a second per stage.</summary>
    public void Progress(string stage, long done, long total)
    {
        var first = stage != _lastStage;
        if (!first && done < total && _sinceProgress.Elapsed < ProgressEvery) return;
        _lastStage = stage;
        _sinceProgress.Restart();
        var percent = total > 0 ? 100.0 * done / total : 100;
        Error.WriteLine(FormattableString.Invariant($"mentor-lab: {stage} {done}/{total} ({percent:F0}%)"));
    }

    public void Note(string line) => Error.WriteLine("mentor-lab: " + line);
}
