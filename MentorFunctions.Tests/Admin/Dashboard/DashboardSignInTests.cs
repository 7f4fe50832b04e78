using System.Security.Cryptography;
using System.Text;
using MentorFunctions.Core.Admin;
using MentorFunctions.Core.Admin.Dashboard;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;
using Microsoft.IdentityModel.Tokens;
using static MentorFunctions.Tests.Admin.Dashboard.DashboardHarness;

namespace MentorFunctions.Tests.Admin.Dashboard;

/// <summary>
/// Who the dashboard believes: only an Entra ID token it verifies itself (signature against the issuer's published keys,
/// issuer, audience, lifetime on the app's clock), here from the loopback issuer. A forged X-MS-CLIENT-PRINCIPAL, which
/// Flex Consumption lets any caller send, is worth nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardSignInTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly MentorApp.User Ana = new(101, "ana@mentoring.example.com", "Ana Lima");
    private static readonly MentorApp.User Bruno = new(102, "bruno@mentoring.example.com", "Bruno Costa");

    private async Task<MentorApp> AppAsync(IDictionary<string, string?>? more = null)
    {
        var app = new MentorApp(azurite, Start, Settings(more));
        foreach (var m in new[] { Ana, Bruno })
        {
            var r = await app.Get<AdminApi>().RegisterMentorAsync(
                $$"""{"botEmail":"{{MentorApp.Bot}}","userId":{{m.Id}},"email":"{{m.Email}}","fullName":"{{m.FullName}}"}""", default);
            Assert.Equal(201, r.Status);
        }
        return app;
    }

    private static Task<DashboardResponse> SendAsync(MentorApp app, string path, IDictionary<string, string> headers, string method = "GET", string? body = null) =>
        app.Get<DashboardApi>().HandleAsync(new DashboardRequest(method, path,
            new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase) { ["Host"] = "127.0.0.1:7071", ["Content-Type"] = "application/json" },
            new Dictionary<string, string>(), body, "/api/dashboard/" + path), default);

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };

    private static string Json(DashboardResponse r) => Encoding.UTF8.GetString(r.Body);

    [Fact]
    public async Task A_verified_staff_token_is_staff_and_a_verified_mentor_token_sees_only_their_own_page()
    {
        await using var app = await AppAsync();
        var now = app.Clock.GetUtcNow();

        // Staff by app role (any name) and by the allow-list, as a bearer token and as the ID token Easy Auth forwards.
        var byRole = await SendAsync(app, "api/me", Bearer(Entra.Token("someone@example.org", now, roles: ["Dashboard.Staff"])));
        Assert.Equal(200, byRole.Status);
        Assert.Contains("\"isStaff\":true", Json(byRole));
        var byList = await SendAsync(app, $"{BotPath}/mentors", new Dictionary<string, string> { [DashboardTokenVerifier.IdTokenHeader] = Entra.Token(StaffEmail, now) });
        Assert.Equal(200, byList.Status);
        Assert.Contains($"\"userId\":{Bruno.Id}", Json(byList));
        // The audience may also be the Application ID URI (a token obtained for the scope api://<client id>/.default).
        Assert.Equal(200, (await SendAsync(app, "api/me", Bearer(Entra.Token(StaffEmail, now, audience: "api://" + LoopbackEntraId.ClientId)))).Status);

        // A mentor: their own page, 403 for another's and for their pause.
        var ana = Bearer(Entra.Token(Ana.Email, now));
        var me = await SendAsync(app, "api/me", ana);
        Assert.Equal(200, me.Status);
        Assert.Contains("\"isStaff\":false", Json(me));
        Assert.Equal(200, (await SendAsync(app, $"{BotPath}/mentors/{Ana.Id}", ana)).Status);
        Assert.Equal(403, (await SendAsync(app, $"{BotPath}/mentors/{Bruno.Id}", ana)).Status);
        Assert.Equal(403, (await SendAsync(app, $"{BotPath}/mentors/{Bruno.Id}/pause", ana, "POST", "{}")).Status);
        Assert.Null((await app.Registry.GetMentorAsync(MentorApp.Bot, Bruno.Id))!.PausedUntil);
    }

    public static TheoryData<string> BadTokens => ["expired", "not yet valid", "wrong audience", "wrong issuer", "another key", "alg none", "garbage", "empty bearer", "basic scheme", "no name"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_token_the_app_cannot_verify_is_401_and_changes_nothing(string kind)
    {
        await using var app = await AppAsync();
        var now = app.Clock.GetUtcNow();
        using var otherRsa = RSA.Create(2048);
        var header = kind switch
        {
            "expired" => "Bearer " + Entra.Token(StaffEmail, now - TimeSpan.FromHours(2), lifetime: TimeSpan.FromHours(1)), // beyond the 2-minute skew
            "not yet valid" => "Bearer " + Entra.Token(StaffEmail, now + TimeSpan.FromHours(1)),
            "wrong audience" => "Bearer " + Entra.Token(StaffEmail, now, audience: "00000000-0000-0000-0000-000000000000"),
            "wrong issuer" => "Bearer " + Entra.Token(StaffEmail, now, issuer: "https://login.microsoftonline.com/another-tenant/v2.0"),
            // Same key id as the published key, so the app must check the signature itself to refuse it.
            "another key" => "Bearer " + Entra.Token(StaffEmail, now, signWith: new RsaSecurityKey(otherRsa) { KeyId = Entra.Key.KeyId }),
            "alg none" => "Bearer " + Unsigned(Entra.Token(StaffEmail, now, roles: ["Dashboard.Staff"])),
            "garbage" => "Bearer not.a.token",
            "empty bearer" => "Bearer ",
            "basic scheme" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(StaffEmail + ":x")),
            "no name" => "Bearer " + Entra.Token(" ", now, roles: ["Dashboard.Staff"]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var me = await SendAsync(app, "api/me", new Dictionary<string, string> { ["Authorization"] = header });
        Assert.Equal(401, me.Status);
        Assert.Contains("\"field\":\"signIn\"", Json(me));
        Assert.StartsWith("application/json", me.ContentType);
        var pause = await SendAsync(app, $"{BotPath}/mentors/{Ana.Id}/pause", new Dictionary<string, string> { ["Authorization"] = header }, "POST", "{}");
        Assert.Equal(401, pause.Status);
        Assert.Null((await app.Registry.GetMentorAsync(MentorApp.Bot, Ana.Id))!.PausedUntil);
    }

    [Fact]
    public async Task A_forged_client_principal_claiming_staff_is_401_even_with_App_Service_Authentication_reported_on()
    {
        await using var app = await AppAsync(); // WEBSITE_AUTH_ENABLED=True
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $$"""{"auth_typ":"aad","name_typ":"preferred_username","role_typ":"roles","claims":[{"typ":"preferred_username","val":"{{StaffEmail}}"},{"typ":"roles","val":"Dashboard.Staff"}]}"""));
        var headers = new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL"] = forged, ["X-MS-CLIENT-PRINCIPAL-NAME"] = StaffEmail };
        var me = await SendAsync(app, "api/me", headers);
        Assert.Equal(401, me.Status);
        Assert.Contains("\"field\":\"signIn\"", Json(me));
        Assert.Equal(401, (await SendAsync(app, $"{BotPath}/mentors", headers)).Status);
        Assert.Equal(401, (await SendAsync(app, $"{BotPath}/mentors/{Ana.Id}/pause", headers, "POST", "{}")).Status);
        Assert.Null((await app.Registry.GetMentorAsync(MentorApp.Bot, Ana.Id))!.PausedUntil);
    }

    [Fact]
    public async Task Unreachable_signing_keys_are_a_clear_503_never_a_500()
    {
        // An authority on a loopback port nobody listens on.
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0)) { probe.Start(); port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port; }
        await using var app = await AppAsync(new Dictionary<string, string?> { ["Dashboard:Authority"] = $"http://127.0.0.1:{port}/{LoopbackEntraId.TenantId}/v2.0" });
        var me = await SendAsync(app, "api/me", Bearer(Entra.Token(StaffEmail, app.Clock.GetUtcNow())));
        Assert.Equal(503, me.Status);
        Assert.Contains("\"field\":\"signIn\"", Json(me));
        Assert.Contains("signing keys", Json(me));
    }

    [Fact]
    public async Task An_expired_token_is_refused_on_the_apps_clock_not_the_machines()
    {
        await using var app = await AppAsync();
        var token = Entra.Token(Ana.Email, app.Clock.GetUtcNow(), lifetime: TimeSpan.FromMinutes(30));
        Assert.Equal(200, (await SendAsync(app, "api/me", Bearer(token))).Status);
        await app.Host.AdvanceAsync(TimeSpan.FromMinutes(33)); // past the 30 minutes and the 2-minute skew
        Assert.Equal(401, (await SendAsync(app, "api/me", Bearer(token))).Status);
    }

    /// <summary>The same header and payload with "alg":"none" and no signature.</summary>
    private static string Unsigned(string jwt)
    {
        var payload = jwt.Split('.')[1];
        return Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""") + "." + payload + ".";
    }
}
