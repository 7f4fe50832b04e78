using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MentorFunctions.Tests.Infra;

/// <summary>What infra/main.bicep asks Azure to deploy, read from the ARM template the Bicep CLI compiles it to.</summary>
public sealed partial class InfraTemplateTests(CompiledInfra infra) : IClassFixture<CompiledInfra>
{
    // Built-in role definition ids (the same in every Azure tenant).
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string CognitiveServicesOpenAiUser = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    private static readonly string[] AppIdentityRoles =
    [
        StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor,
        MonitoringMetricsPublisher, CognitiveServicesOpenAiUser, KeyVaultSecretsUser,
    ];

    [Fact]
    public void Compiles_with_no_error_and_no_warning()
    {
        var findings = infra.Diagnostics.Split('\n')
            .Where(line => line.Contains(": Warning ", StringComparison.Ordinal) || line.Contains(": Error ", StringComparison.Ordinal))
            .ToList();
        Assert.True(findings.Count == 0, "bicep build reported:\n" + string.Join('\n', findings));
    }

    [Fact]
    public void Deploys_at_subscription_scope_into_its_own_resource_group()
    {
        Assert.Contains("subscriptionDeploymentTemplate.json", (string?)infra.Root.Template["$schema"]);
        var (_, group) = infra.Single("Microsoft.Resources/resourceGroups");
        Assert.Contains("azd-env-name", infra.Root.Template["variables"]?["tags"]?.ToJsonString());
        Assert.NotNull(group["location"]);
    }

    [Fact]
    public void App_identity_holds_the_five_data_roles_and_key_vault_secrets_user_unconditionally()
    {
        var module = infra.Module("app-role-assignments");
        Assert.Null(module.Condition);
        Assert.Equal("ServicePrincipal", module.ParameterValue("principalType"));
        // The principal is the user-assigned identity the function app runs as.
        Assert.Contains("'identity'", module.ParameterValue("principalId"));
        Assert.Contains(".outputs.principalId.value", module.ParameterValue("principalId"));

        var assigned = RoleAssignments(module);
        foreach (var role in AppIdentityRoles)
            Assert.Contains(role, assigned.Keys);
        foreach (var (role, assignment) in assigned)
        {
            Assert.Null(assignment["condition"]);
            Assert.Equal("[parameters('principalId')]", (string?)assignment["properties"]?["principalId"]);
            Assert.Equal("[parameters('principalType')]", (string?)assignment["properties"]?["principalType"]);
            // Scoped to one resource, never the resource group or subscription.
            Assert.StartsWith("[resourceId(", (string?)assignment["scope"]);
        }

        Assert.Contains("Microsoft.Storage/storageAccounts", (string?)assigned[StorageBlobDataOwner]["scope"]);
        Assert.Contains("Microsoft.Storage/storageAccounts", (string?)assigned[StorageQueueDataContributor]["scope"]);
        Assert.Contains("Microsoft.Storage/storageAccounts", (string?)assigned[StorageTableDataContributor]["scope"]);
        Assert.Contains("Microsoft.Insights/components", (string?)assigned[MonitoringMetricsPublisher]["scope"]);
        Assert.Contains("Microsoft.CognitiveServices/accounts", (string?)assigned[CognitiveServicesOpenAiUser]["scope"]);
        Assert.Contains("Microsoft.KeyVault/vaults", (string?)assigned[KeyVaultSecretsUser]["scope"]);
    }

    [Fact]
    public void Deploying_user_gets_roles_only_when_azd_passes_a_principal_id()
    {
        var module = infra.Module("user-role-assignments");
        Assert.Equal("[not(empty(parameters('principalId')))]", module.Condition);
        Assert.Equal("[parameters('principalId')]", module.ParameterValue("principalId"));
        Assert.Equal("", (string?)infra.Root.DeclaredParameters["principalId"]?["defaultValue"]);
    }

    [Fact]
    public void No_role_is_granted_above_data_plane_level()
    {
        var all = infra.Resources("Microsoft.Authorization/roleAssignments").ToList();
        Assert.NotEmpty(all);
        foreach (var (_, assignment) in all)
        {
            var role = RoleGuid((string?)assignment["properties"]?["roleDefinitionId"]);
            Assert.Contains(role, AppIdentityRoles);
        }
    }

    [Fact]
    public void Host_and_durable_storage_is_identity_based()
    {
        var settings = infra.AppSettings();
        Assert.Equal("[parameters('storageAccountName')]", settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        // A plain AzureWebJobsStorage would be a connection string and take precedence over the identity settings.
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);

        var app = infra.Module("function-app");
        Assert.Contains("'identity'", app.ParameterValue("identityClientId"));
        Assert.Contains(".outputs.clientId.value", app.ParameterValue("identityClientId"));
        Assert.Contains("primaryEndpoints.table", settings["Storage__TableServiceUri"]);
    }

    [Fact]
    public void No_setting_holds_a_storage_key_or_an_account_key_connection_string()
    {
        foreach (var (name, value) in infra.AppSettings())
        {
            Assert.DoesNotMatch(ListFunction(), value);
            Assert.DoesNotContain("AccountKey", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", value, StringComparison.OrdinalIgnoreCase);
            Assert.False(name.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase) && name.StartsWith("Storage", StringComparison.Ordinal),
                $"{name} would bypass the managed identity");
        }
        // Nowhere in the whole template are keys read back.
        Assert.DoesNotMatch(ListFunction(), infra.Json);
    }

    [Fact]
    public void Storage_account_refuses_shared_keys_and_public_blobs()
    {
        var (_, account) = infra.Single("Microsoft.Storage/storageAccounts");
        var properties = account["properties"]!;
        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);

        // Durable Functions needs queues and tables besides the blob deployment container.
        Assert.Single(infra.Resources("Microsoft.Storage/storageAccounts/blobServices/containers"));
        Assert.Single(infra.Resources("Microsoft.Storage/storageAccounts/queueServices"));
        Assert.Single(infra.Resources("Microsoft.Storage/storageAccounts/tableServices"));
    }

    [Fact]
    public void Function_app_is_flex_consumption_dotnet_isolated_10_with_a_warm_durable_instance()
    {
        var (_, plan) = infra.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]?["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]?["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);

        var (_, site) = infra.Single("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]?["type"]);
        var config = site["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]?["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]?["version"]);

        var alwaysReady = config["scaleAndConcurrency"]?["alwaysReady"]?.AsArray() ?? [];
        var durable = Assert.Single(alwaysReady, g => (string?)g?["name"] == "durable");
        Assert.Equal(1, (int)durable!["instanceCount"]!);
        Assert.NotNull(config["scaleAndConcurrency"]?["instanceMemoryMB"]);

        var deployment = config["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", (string?)deployment["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)deployment["authentication"]?["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)deployment["authentication"]?["userAssignedIdentityResourceId"]);

        // Flex Consumption rejects these: the runtime comes from functionAppConfig.
        var settings = infra.AppSettings();
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
    }

    [Fact]
    public void Bot_secrets_come_from_key_vault_references_resolved_by_the_user_assigned_identity()
    {
        var settings = infra.AppSettings();
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0})', parameters('zulipApiKeySecretUri'))]", settings["Zulip__Bots__0__ApiKey"]);
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0})', parameters('zulipWebhookTokenSecretUri'))]", settings["Zulip__Bots__0__WebhookToken"]);

        var app = infra.Module("function-app");
        Assert.Contains("'keyvault'", app.ParameterValue("zulipApiKeySecretUri"));
        Assert.Contains("'keyvault'", app.ParameterValue("zulipWebhookTokenSecretUri"));

        var (_, site) = infra.Single("Microsoft.Web/sites");
        Assert.Equal("[parameters('identityId')]", (string?)site["properties"]?["keyVaultReferenceIdentity"]);

        // The non-secret half of the bot's configuration is plain.
        Assert.Equal("[parameters('zulipSite')]", settings["Zulip__Bots__0__Site"]);
        Assert.Equal("[parameters('zulipBotEmail')]", settings["Zulip__Bots__0__Email"]);
    }

    [Fact]
    public void Key_vault_uses_rbac_and_stores_the_secure_parameters()
    {
        var (vaultDeployment, vault) = infra.Single("Microsoft.KeyVault/vaults");
        Assert.True((bool)vault["properties"]!["enableRbacAuthorization"]!);

        var secrets = infra.Resources("Microsoft.KeyVault/vaults/secrets").Select(s => s.Resource).ToList();
        Assert.Equal(2, secrets.Count);
        var values = secrets.Select(s => (string?)s["properties"]?["value"]).ToHashSet();
        Assert.Equal(["[parameters('zulipBotApiKey')]", "[parameters('zulipWebhookToken')]"], values.Order());

        // Secure all the way: declared secure at the root and in the module, and passed straight through.
        foreach (var name in new[] { "zulipBotApiKey", "zulipWebhookToken" })
        {
            Assert.Equal("securestring", (string?)infra.Root.DeclaredParameters[name]?["type"]);
            Assert.Equal("securestring", (string?)vaultDeployment.DeclaredParameters[name]?["type"]);
            Assert.Equal($"[parameters('{name}')]", vaultDeployment.ParameterValue(name));
        }
    }

    [Fact]
    public void Telemetry_and_the_model_accept_only_entra_authentication()
    {
        var (_, insights) = infra.Single("Microsoft.Insights/components");
        Assert.True((bool)insights["properties"]!["DisableLocalAuth"]!);
        Assert.NotNull(insights["properties"]!["WorkspaceResourceId"]);
        Assert.Single(infra.Resources("Microsoft.OperationalInsights/workspaces"));
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", infra.AppSettings()["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);

        var (_, openAi) = infra.Single("Microsoft.CognitiveServices/accounts");
        Assert.Equal("OpenAI", (string?)openAi["kind"]);
        Assert.True((bool)openAi["properties"]!["disableLocalAuth"]!);
        Assert.NotNull(openAi["properties"]!["customSubDomainName"]);

        var (modelDeployment, model) = infra.Single("Microsoft.CognitiveServices/accounts/deployments");
        Assert.Equal("[parameters('modelName')]", (string?)model["properties"]?["model"]?["name"]);
        Assert.Equal("[parameters('modelVersion')]", (string?)model["properties"]?["model"]?["version"]);
        Assert.Equal("[parameters('deploymentCapacity')]", (string?)model["sku"]?["capacity"]);
        Assert.Equal("[parameters('openAiModelName')]", modelDeployment.ParameterValue("modelName"));
        Assert.Equal("[parameters('openAiDeploymentCapacity')]", modelDeployment.ParameterValue("deploymentCapacity"));

        var settings = infra.AppSettings();
        Assert.Equal("AzureOpenAI", settings["Llm__Provider"]);
        Assert.Equal("[parameters('openAiEndpoint')]", settings["Llm__Endpoint"]);
        Assert.Equal("[parameters('openAiDeploymentName')]", settings["Llm__Deployment"]);
        Assert.Equal("[parameters('identityClientId')]", settings["Llm__ManagedIdentityClientId"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AZURE_CLIENT_ID"]);
        Assert.DoesNotContain("Llm__ApiKey", settings.Keys);
    }

    [Fact]
    public void No_output_carries_a_secret()
    {
        foreach (var deployment in infra.Deployments)
        {
            var secure = deployment.DeclaredParameters
                .Where(p => (string?)p.Value?["type"] is "securestring" or "secureObject")
                .Select(p => p.Key)
                .ToList();
            foreach (var (name, output) in deployment.Outputs)
            {
                var value = output?["value"]?.ToJsonString() ?? "";
                Assert.DoesNotMatch(ListFunction(), value);
                foreach (var parameter in secure)
                    Assert.DoesNotContain($"parameters('{parameter}')", value);
                Assert.DoesNotContain("ConnectionString", value, StringComparison.OrdinalIgnoreCase);
                Assert.False(name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase), $"{deployment.Name} outputs {name}");
            }
        }

        // azd copies root outputs into the environment file: names and endpoints only.
        foreach (var name in infra.Root.Outputs.Select(o => o.Key))
        {
            Assert.DoesNotMatch(SecretLikeName(), name);
        }
    }

    [Fact]
    public void Root_outputs_include_what_azd_and_the_docs_rely_on()
    {
        var outputs = infra.Root.Outputs.Select(o => o.Key).ToHashSet();
        foreach (var name in new[]
                 {
                     "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "RESOURCE_GROUP",
                     "AZURE_FUNCTION_APP_NAME", "SERVICE_API_NAME", "ZULIP_WEBHOOK_URL",
                 })
            Assert.Contains(name, outputs);
        Assert.Contains("/api/zulip/webhook", infra.Root.Outputs["ZULIP_WEBHOOK_URL"]?["value"]?.ToString());
    }

    [Fact]
    public void Function_app_carries_the_azd_service_tag_of_the_service_in_azure_yaml()
    {
        var app = infra.Module("function-app");
        var (_, site) = infra.Single("Microsoft.Web/sites");
        Assert.Contains("'azd-service-name'", site["tags"]?.ToString());
        Assert.Equal(AzdConfigurationTests.FunctionServiceName(), app.ParameterValue("serviceName"));
    }

    private static Dictionary<string, JsonObject> RoleAssignments(ArmDeployment deployment) =>
        deployment.Resources()
            .Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments")
            .ToDictionary(r => RoleGuid((string?)r["properties"]?["roleDefinitionId"]));

    private static string RoleGuid(string? roleDefinitionId)
    {
        var match = GuidPattern().Match(roleDefinitionId ?? "");
        Assert.True(match.Success, $"no role definition GUID in '{roleDefinitionId}'");
        return match.Value;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();

    // listKeys(), listAccountSas(), listSecrets(), listConnectionStrings()...: every ARM function that reads a secret back.
    [GeneratedRegex(@"\blist[A-Za-z]*\(")]
    private static partial Regex ListFunction();

    // AZURE_KEY_VAULT_NAME is a name; API_KEY, ACCOUNT_KEY or a trailing _KEY would be a key.
    [GeneratedRegex("SECRET|TOKEN|PASSWORD|CONNECTION_STRING|(API|ACCOUNT|ACCESS|PRIMARY|SECONDARY)_?KEY|_KEY$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLikeName();
}
