using MentorLab.Export;

namespace MentorLab.Cli;

/// <summary>
/// Dispatches <c>mentor-lab &lt;verb&gt; [options]</c>. Exit codes: 0 done, 2 a usage error or an input that cannot be
/// read (the message says which file, which message, what is wrong), 1 anything unexpected. Never a stack trace.
/// </summary>
public static class LabCommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyList<ILabVerb>? verbs = null, CancellationToken cancellationToken = default)
    {
        verbs ??= LabVerbs.All;
        var console = new LabConsole(output, error);
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            if (args.Length > 1) return Help(verbs, args[1], console);
            WriteHelp(verbs, output);
            return args.Length == 0 ? BadInput : Ok;
        }
        var verb = verbs.FirstOrDefault(v => string.Equals(v.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (verb is null)
        {
            error.WriteLine($"mentor-lab: unknown verb '{args[0]}'. Verbs: {string.Join(", ", verbs.Select(v => v.Name))} (mentor-lab help).");
            return BadInput;
        }
        try
        {
            var arguments = new LabArguments(args.Skip(1));
            if (arguments.Flag("help"))
            {
                output.WriteLine($"mentor-lab {verb.Name}: {verb.Summary}");
                output.WriteLine(verb.Usage);
                return Ok;
            }
            return await verb.RunAsync(arguments, console, cancellationToken).ConfigureAwait(false);
        }
        catch (LabUsageException e)
        {
            error.WriteLine($"mentor-lab {verb.Name}: {e.Message} (mentor-lab help {verb.Name})");
            return BadInput;
        }
        catch (ExportFormatException e)
        {
            error.WriteLine($"mentor-lab {verb.Name}: the export cannot be read: {e.Message}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"mentor-lab {verb.Name}: cancelled.");
            return Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"mentor-lab {verb.Name}: {e.Message}");
            return BadInput;
        }
        catch (Exception e)
        {
            // A defect of the tool: say what it was in one line, without a stack trace.
            error.WriteLine($"mentor-lab {verb.Name}: unexpected {e.GetType().Name}: {e.Message}");
            return Failed;
        }
    }

    private static int Help(IReadOnlyList<ILabVerb> verbs, string name, LabConsole console)
    {
        var verb = verbs.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
        if (verb is null)
        {
            console.Error.WriteLine($"mentor-lab: unknown verb '{name}'. Verbs: {string.Join(", ", verbs.Select(v => v.Name))}.");
            return BadInput;
        }
        console.Out.WriteLine($"mentor-lab {verb.Name}: {verb.Summary}");
        console.Out.WriteLine(verb.Usage);
        return Ok;
    }

    private static void WriteHelp(IReadOnlyList<ILabVerb> verbs, TextWriter output)
    {
        output.WriteLine("mentor-lab: measures MentorFunctions' learning on a Zulip message export.");
        output.WriteLine("usage: dotnet run --project MentorLab -- <verb> [options]");
        output.WriteLine();
        foreach (var v in verbs) output.WriteLine($"  {v.Name,-14}{v.Summary}");
        output.WriteLine();
        output.WriteLine("mentor-lab help <verb> lists a verb's options.");
    }
}
