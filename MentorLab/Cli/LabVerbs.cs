using MentorLab.Attribution;

namespace MentorLab.Cli;

/// <summary>Every verb mentor-lab knows. Add a verb here (one line) and in its own folder.</summary>
public static class LabVerbs
{
    public static IReadOnlyList<ILabVerb> All { get; } =
    [
        new AttributionVerb(),
        new Timing.TimingVerb(),
        new Replies.RepliesVerb(),
        new Import.ImportVerb(),
    ];
}
