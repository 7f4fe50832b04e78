namespace MentorLab.Cli;

/// <summary>One verb of mentor-lab (each lives in its own folder and is listed in <see cref="LabVerbs"/>).</summary>
public interface ILabVerb
{
    /// <summary>The word typed after mentor-lab, lower case.</summary>
    string Name { get; }

    /// <summary>One line for `help`.</summary>
    string Summary { get; }

    /// <summary>The options, one per line, for `help &lt;verb&gt;`.</summary>
    string Usage { get; }

    /// <summary>Runs the verb; returns the process exit code. Throws <see cref="LabUsageException"/> for bad options.</summary>
    Task<int> RunAsync(LabArguments arguments, LabConsole console, CancellationToken cancellationToken);
}
