using MentorLab.Cli;
using MentorLab.Export;

namespace MentorLab.Timing;

/// <summary>
/// `timing`: do the stand-in's delays look like the author's real reply times? Held-out reply gaps against delays the
/// production planner draws from profiles learned on the earlier messages (KS test per author), and how well the
/// learned active hours cover the held-out messages against the whole export's pattern.
/// </summary>
public sealed class TimingVerb : ILabVerb
{
    public string Name => "timing";
    public string Summary => "compare the planner's drawn delays with real held-out reply gaps (KS), and active-hours capture";
    public string Usage => TimingLabOptions.Usage;

    public Task<int> RunAsync(LabArguments arguments, LabConsole console, CancellationToken cancellationToken)
    {
        var options = TimingLabOptions.Read(arguments);
        var export = ZulipExportReader.Read(options.Input, console, cancellationToken);
        console.Note($"{export.Messages.Count} messages from {export.Files} file(s)" + (export.Duplicates > 0 ? $", {export.Duplicates} duplicates skipped" : ""));
        var result = TimingExperiment.Run(export, options, console, cancellationToken);
        TimingOutput.WriteTable(result, console.Out);
        if (options.JsonPath is { } json)
        {
            TimingOutput.WriteJson(result, json);
            console.Note("wrote " + json);
        }
        if (options.HtmlPath is { } html)
        {
            TimingOutput.WriteHtml(result, html, options.PlotAuthors);
            console.Note("wrote " + html);
        }
        return Task.FromResult(LabCommandLine.Ok);
    }
}
