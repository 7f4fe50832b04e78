using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Zulip;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace MentorFunctions.Tests.Infra;

/// <summary>
/// The files around the template that `azd up` reads (azure.yaml, main.parameters.json) and the deploy guide agree
/// with the template and with the app's options classes.
/// </summary>
public sealed partial class AzdConfigurationTests(CompiledInfra infra) : IClassFixture<CompiledInfra>
{
    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_a_function_app()
    {
        var service = FunctionService();
        Assert.Equal("dotnet", Scalar(service, "language"));
        Assert.Equal("function", Scalar(service, "host"));

        var project = Scalar(service, "project");
        var directory = Path.GetFullPath(Path.Combine(RepoPaths.Root, project));
        Assert.True(File.Exists(Path.Combine(directory, "MentorFunctions.csproj")), $"azure.yaml points at {directory}, which holds no MentorFunctions.csproj");

        var infraSection = (YamlMappingNode)AzureYaml()["infra"];
        Assert.Equal("bicep", Scalar(infraSection, "provider"));
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, Scalar(infraSection, "path"), Scalar(infraSection, "module") + ".bicep")));
    }

    [Fact]
    public void Parameters_file_supplies_every_required_parameter_and_nothing_undeclared()
    {
        var declared = infra.Root.DeclaredParameters;
        var supplied = ParametersFile();

        foreach (var (name, _) in supplied)
            Assert.True(declared.ContainsKey(name), $"main.parameters.json sets '{name}', which main.bicep does not declare");
        foreach (var (name, declaration) in declared)
        {
            if (declaration?["defaultValue"] is null)
                Assert.True(supplied.ContainsKey(name), $"main.bicep needs '{name}' but main.parameters.json does not supply it");
        }
    }

    [Fact]
    public void Parameters_come_from_azd_environment_variables()
    {
        var supplied = ParametersFile();
        Assert.Equal("${AZURE_ENV_NAME}", Value(supplied, "environmentName"));
        Assert.Equal("${AZURE_LOCATION}", Value(supplied, "location"));
        Assert.Equal("${AZURE_PRINCIPAL_ID}", Value(supplied, "principalId"));
        Assert.Equal("${ZULIP_SITE}", Value(supplied, "zulipSite"));
        Assert.Equal("${ZULIP_BOT_EMAIL}", Value(supplied, "zulipBotEmail"));
        // Secrets are never written into the file, only referenced: azd fills them from its environment or prompts.
        Assert.Equal("${ZULIP_BOT_API_KEY}", Value(supplied, "zulipBotApiKey"));
        Assert.Equal("${ZULIP_WEBHOOK_TOKEN}", Value(supplied, "zulipWebhookToken"));

        foreach (var (name, parameter) in supplied)
        {
            var value = parameter?["value"]?.ToString() ?? "";
            Assert.Matches(WholeAzdVariable(), value);
            Assert.True(infra.Root.DeclaredParameters.ContainsKey(name));
        }
    }

    [Fact]
    public void App_setting_names_bind_to_the_apps_options()
    {
        // Azure turns "__" into ":" for .NET configuration; give each setting a stand-in value and bind as the app does.
        var settings = infra.AppSettings();
        var standIns = settings.Keys.ToDictionary(k => k.Replace("__", ":"), k => (string?)StandIn(k));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(standIns).Build();

        var zulip = configuration.GetSection(ZulipOptions.Section).Get<ZulipOptions>();
        var bot = Assert.Single(zulip!.Bots);
        Assert.Equal(new Uri("https://zulip.example"), bot.Site);
        Assert.Equal(StandIn("Zulip__Bots__0__Email"), bot.Email);
        Assert.Equal(StandIn("Zulip__Bots__0__ApiKey"), bot.ApiKey);
        Assert.Equal(StandIn("Zulip__Bots__0__WebhookToken"), bot.WebhookToken);

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>();
        Assert.Equal(new Uri("https://zulip.example"), storage!.TableServiceUri);
        Assert.Null(storage.ConnectionString);

        static string StandIn(string key) =>
            key.EndsWith("Site", StringComparison.Ordinal) || key.EndsWith("Uri", StringComparison.Ordinal) ? "https://zulip.example" : "value-of-" + key;
    }

    [Fact]
    public void Deploy_guide_lists_every_app_setting_the_template_sets()
    {
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "deploy.md"));
        foreach (var name in infra.AppSettings().Keys)
            Assert.True(guide.Contains($"`{name}`", StringComparison.Ordinal), $"docs/deploy.md does not list the app setting {name}");
        foreach (var variable in AzdVariable().Matches(File.ReadAllText(ParametersPath)).Select(m => m.Groups["name"].Value).Distinct())
            Assert.True(guide.Contains(variable, StringComparison.Ordinal), $"docs/deploy.md does not mention the azd variable {variable}");
    }

    /// <summary>The name of the one function-app service in azure.yaml.</summary>
    internal static string FunctionServiceName() => FunctionServiceEntry().Key;

    private static YamlMappingNode FunctionService() => FunctionServiceEntry().Value;

    private static KeyValuePair<string, YamlMappingNode> FunctionServiceEntry()
    {
        var services = (YamlMappingNode)AzureYaml()["services"];
        var functions = services.Children
            .Where(s => s.Value is YamlMappingNode m && Scalar(m, "host") == "function")
            .Select(s => new KeyValuePair<string, YamlMappingNode>(((YamlScalarNode)s.Key).Value!, (YamlMappingNode)s.Value))
            .ToList();
        Assert.Single(functions);
        return functions[0];
    }

    private static YamlMappingNode AzureYaml()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepoPaths.Root, "azure.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar
            ? scalar.Value ?? ""
            : throw new InvalidOperationException($"azure.yaml: no '{key}'");

    private static string ParametersPath => Path.Combine(RepoPaths.Root, "infra", "main.parameters.json");

    private static JsonObject ParametersFile() =>
        JsonNode.Parse(File.ReadAllText(ParametersPath))!["parameters"]!.AsObject();

    private static string? Value(JsonObject parameters, string name) => parameters[name]?["value"]?.ToString();

    // ${NAME} or ${NAME=default}: azd's substitution syntax.
    [GeneratedRegex(@"\$\{(?<name>[A-Z][A-Z0-9_]*)(=[^}]*)?\}")]
    private static partial Regex AzdVariable();

    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*(=[^}]*)?\}$")]
    private static partial Regex WholeAzdVariable();
}
