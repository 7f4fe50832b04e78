using MentorFunctions.Core.Llm;
using MentorLab.Cli;
using MentorLab.Export;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorLab.Replies;

/// <summary>
/// `replies`: what would the stand-in have written? For held-out student messages each mentor really answered, the
/// production prompt and the configured model write the reply, scored against the mentor's real one (attribution,
/// length and punctuation KS, signature-phrase and emoji rates) with its cost in tokens and model latency.
/// </summary>
public sealed class RepliesVerb : ILabVerb
{
    public string Name => "replies";
    public string Summary => "generate the stand-in's replies to held-out student messages with your model and score them against the real ones";
    public string Usage => RepliesOptions.Usage;

    public async Task<int> RunAsync(LabArguments arguments, LabConsole console, CancellationToken cancellationToken)
    {
        var options = RepliesOptions.Read(arguments);
        var export = ZulipExportReader.Read(options.Input, console, cancellationToken);
        console.Note($"{export.Messages.Count} messages from {export.Files} file(s)" + (export.Duplicates > 0 ? $", {export.Duplicates} duplicates skipped" : ""));
        // The SDK's own network timeout is the limit; the HttpClient's must not cut in first.
        using var http = new HttpClient { Timeout = options.Llm.Timeout + TimeSpan.FromSeconds(30) };
        var model = new OpenAIChatModel(Options.Create(options.Llm), new LabHttpClientFactory(http), NullLogger<OpenAIChatModel>.Instance);
        var result = await RepliesExperiment.RunAsync(export, options, model, console, cancellationToken).ConfigureAwait(false);
        RepliesOutput.WriteTable(result, console.Out);
        if (options.JsonPath is { } json)
        {
            RepliesOutput.WriteJson(result, json);
            console.Note("wrote " + json);
        }
        if (options.HtmlFolder is { } folder)
        {
            var files = RepliesOutput.WriteHtml(result, folder);
            console.Note($"wrote {files.Count} HTML file(s) to {folder}");
        }
        return LabCommandLine.Ok;
    }
}
