using System.Text.Json;
using System.Text.RegularExpressions;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.OpenApi;

namespace MentorFunctions.Tests.Zulip;

/// <summary>
/// The project's own description of the Zulip API (TestData/OpenApi/zulip-api-used.yaml) covers what the app uses, and,
/// where Zulip's official description is supplied, says nothing the official one does not.
/// </summary>
public sealed class ZulipDescriptionTests
{
    private static readonly OpenApiDocument Project = ZulipDescriptions.Project;

    [Fact]
    public void Every_operation_the_client_calls_is_described()
    {
        // The client names each call's operationId (SendAsync(..., "send-message", ...)): a new call must be described.
        var source = string.Join('\n', Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "MentorFunctions.Core", "Zulip"), "*.cs")
            .Select(File.ReadAllText));
        var called = Regex.Matches(source, @"SendAsync\([^;]*?""(?<op>[a-z]+(-[a-z]+)+)""", RegexOptions.Singleline)
            .Select(m => m.Groups["op"].Value).ToHashSet();
        Assert.Superset(new HashSet<string> { "send-message", "get-messages", "set-typing-status", "get-own-user" }, called);
        Assert.Subset(DescribedOperations(Project).Keys.ToHashSet(), called);
        // Also described: the users endpoint that tells bots from humans, and the webhook payload the intake reads.
        Assert.Contains("get-user", DescribedOperations(Project).Keys);
        Assert.Contains("zulip-outgoing-webhooks", DescribedOperations(Project).Keys);
    }

    [Fact]
    public void The_project_description_names_its_source()
    {
        var text = File.ReadAllText(RepoPaths.ZulipApiUsed);
        Assert.Contains("zerver/openapi/zulip.yaml", text, StringComparison.Ordinal);
        Assert.Contains("0002748a", text, StringComparison.Ordinal);
        Assert.Contains("Apache License 2.0", text, StringComparison.Ordinal);
    }

    [OfficialZulipFact]
    public void Every_described_operation_parameter_and_field_exists_in_zulips_official_description()
    {
        var official = ZulipDescriptions.Official!;
        var problems = new List<string>();
        foreach (var (operationId, (path, method)) in DescribedOperations(Project))
        {
            var officialOps = DescribedOperations(official);
            if (!officialOps.TryGetValue(operationId, out var where) || where != (path, method))
            {
                problems.Add($"{operationId}: not {method} {path} in the official description");
                continue;
            }
            var officialParameters = official.Parameters(path, method).Select(p => p.GetProperty("name").GetString()).ToHashSet();
            problems.AddRange(Project.Parameters(path, method).Select(p => p.GetProperty("name").GetString())
                .Where(n => !officialParameters.Contains(n)).Select(n => $"{operationId}: parameter {n} is not official"));

            var fields = FormFields(Project, path, method);
            var officialFields = FormFields(official, path, method);
            foreach (var (name, schema) in fields)
            {
                if (!officialFields.TryGetValue(name, out var officialSchema))
                {
                    problems.Add($"{operationId}: form field {name} is not official");
                    continue;
                }
                var allowed = Enum(official, officialSchema);
                var ours = Enum(Project, schema);
                if (allowed is not null && ours is not null)
                    problems.AddRange(ours.Except(allowed).Select(v => $"{operationId}: {name} value {v} is not official"));
            }
        }
        Assert.Empty(problems);
    }

    [OfficialZulipFact]
    public void The_project_descriptions_example_payload_fits_the_official_schema()
    {
        var example = Project.ResponseSchema("/zulip-outgoing-webhook", "post", "200").GetProperty("example");
        Assert.Empty(ZulipDescriptions.Official!.ValidateResponse("/zulip-outgoing-webhook", "post", 200, example));
    }

    private static Dictionary<string, (string Path, string Method)> DescribedOperations(OpenApiDocument document)
    {
        var operations = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var path in document.Root.GetProperty("paths").EnumerateObject())
            foreach (var method in path.Value.EnumerateObject())
                if (method.Value.ValueKind == JsonValueKind.Object && method.Value.TryGetProperty("operationId", out var id))
                    operations[id.GetString()!] = (path.Name, method.Name);
        return operations;
    }

    private static Dictionary<string, JsonElement> FormFields(OpenApiDocument document, string path, string method)
    {
        var operation = document.Operation(path, method);
        if (!operation.TryGetProperty("requestBody", out var body)
            || !body.GetProperty("content").TryGetProperty("application/x-www-form-urlencoded", out var media))
            return [];
        var schema = media.GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
            schema = document.Resolve(reference.GetString()!);
        return schema.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
    }

    private static HashSet<string>? Enum(OpenApiDocument document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
            schema = document.Resolve(reference.GetString()!);
        return schema.TryGetProperty("enum", out var values) ? values.EnumerateArray().Select(v => v.GetRawText()).ToHashSet() : null;
    }
}
