using MentorLab.Cli;
using MentorLab.Export;

namespace MentorLab.Attribution;

/// <summary>
/// `attribution`: can the stored style profile tell authors apart? Held-out windows of each author's later messages are
/// attributed to the nearest profile learned from the earlier ones, next to Cosine Delta on the same split.
/// </summary>
public sealed class AttributionVerb : ILabVerb
{
    public string Name => "attribution";
    public string Summary => "attribute held-out message windows to learned style profiles, against Cosine Delta";
    public string Usage => AttributionOptions.Usage;

    public Task<int> RunAsync(LabArguments arguments, LabConsole console, CancellationToken cancellationToken)
    {
        var options = AttributionOptions.Read(arguments);
        var export = ZulipExportReader.Read(options.Input, console, cancellationToken);
        console.Note($"{export.Messages.Count} messages from {export.Files} file(s)" + (export.Duplicates > 0 ? $", {export.Duplicates} duplicates skipped" : ""));
        var result = AttributionExperiment.Run(export, options, console, cancellationToken);
        AttributionOutput.WriteTable(result, console.Out);
        if (options.JsonPath is { } json)
        {
            AttributionOutput.WriteJson(result, json);
            console.Note("wrote " + json);
        }
        if (options.HtmlPath is { } html)
        {
            AttributionOutput.WriteHtml(result, html);
            console.Note("wrote " + html);
        }
        return Task.FromResult(result.Authors.Count >= 2 ? LabCommandLine.Ok : LabCommandLine.BadInput);
    }
}
