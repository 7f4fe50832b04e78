using System.Text.Json.Nodes;

namespace MentorFunctions.Tests.Infra;

/// <summary>
/// The dashboard's sign-in as infra/main.bicep deploys it: App Service Authentication (v2) with Entra ID, only when an
/// app registration is given, without a client secret, with the token store on (so it forwards the ID token the app
/// verifies), letting anonymous calls through to the app (which verifies tokens itself, because Flex Consumption does
/// not block them); the tenant, client id and staff allow-list as app settings, and the dashboard off without a
/// registration.
/// </summary>
public sealed class DashboardAuthInfraTests(CompiledInfra infra) : IClassFixture<CompiledInfra>
{
    [Fact]
    public void Entra_ID_sign_in_is_deployed_only_with_an_app_registration_and_without_a_secret()
    {
        var module = infra.Module("dashboard-auth");
        Assert.Contains("dashboardClientId", module.Condition);
        Assert.Contains("empty", module.Condition);
        Assert.Equal("[parameters('dashboardClientId')]", module.ParameterValue("clientId"));
        Assert.Contains("tenant()", module.ParameterValue("tenantId"));

        var auth = Assert.Single(module.Resources(), r => (string?)r["type"] == "Microsoft.Web/sites/config");
        Assert.Contains("authsettingsV2", (string?)auth["name"]);
        var p = auth["properties"]!;
        Assert.True((bool)p["platform"]!["enabled"]!);
        // Anonymous calls reach the app: the webhook and admin API use function keys, the dashboard refuses them itself.
        Assert.False((bool)p["globalValidation"]!["requireAuthentication"]!);
        Assert.Equal("AllowAnonymous", (string?)p["globalValidation"]!["unauthenticatedClientAction"]);
        Assert.True((bool)p["httpSettings"]!["requireHttps"]!);
        var aad = p["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True((bool)aad["enabled"]!);
        Assert.Equal("[parameters('clientId')]", (string?)aad["registration"]!["clientId"]);
        Assert.Contains("v2.0", (string?)aad["registration"]!["openIdIssuer"]);
        Assert.Null(aad["registration"]!["clientSecretSettingName"]); // the ID token only: no secret anywhere
        Assert.Contains("[parameters('clientId')]", aad["validation"]!["allowedAudiences"]!.AsArray().Select(a => (string?)a));
        // On, so that where Easy Auth runs it forwards X-MS-TOKEN-AAD-ID-TOKEN: the only thing from it the app uses, after verifying it.
        Assert.True((bool)p["login"]!["tokenStore"]!["enabled"]!);
    }

    [Fact]
    public void Staff_are_an_app_setting_and_the_deployed_app_never_runs_without_sign_in()
    {
        var settings = infra.AppSettings();
        Assert.Equal("[parameters('dashboardStaffEmails')]", settings["Dashboard__StaffEmails"]);
        Assert.Equal("[parameters('dashboardStaffEmails')]", infra.Module("function-app").ParameterValue("dashboardStaffEmails"));
        // Dashboard__SignIn=None is for local runs only (and refused by the app in Azure): the deployment never sets it.
        Assert.False(settings.TryGetValue("Dashboard__SignIn", out var signIn) && signIn == "None", "the deployment turns sign-in off");
        // What the app verifies tokens against: the deployment's tenant and the registration people sign in to.
        var app = infra.Module("function-app");
        Assert.Equal("[parameters('dashboardClientId')]", settings["Dashboard__ClientId"]);
        Assert.Equal("[parameters('dashboardTenantId')]", settings["Dashboard__TenantId"]);
        Assert.Equal("[parameters('dashboardClientId')]", app.ParameterValue("dashboardClientId"));
        Assert.Contains("tenant()", app.ParameterValue("dashboardTenantId"));
        // Without a registration the dashboard is off (closed), not open and not a start-up failure of the whole app.
        Assert.Equal("[if(empty(parameters('dashboardClientId')), 'Off', 'AppService')]", settings["Dashboard__SignIn"]);
        Assert.Contains("dashboardClientId", infra.Root.DeclaredParameters.Select(kv => kv.Key));
        Assert.Contains("dashboardStaffEmails", infra.Root.DeclaredParameters.Select(kv => kv.Key));
    }
}
