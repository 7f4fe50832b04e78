namespace MentorFunctions.Core.Admin.Dashboard;

/// <summary>How people sign in to the dashboard.</summary>
public enum DashboardSignIn
{
    /// <summary>
    /// In Azure: an Entra ID token the app verifies itself (<see cref="DashboardTokenVerifier"/>), forwarded by App Service
    /// Authentication (X-MS-TOKEN-AAD-ID-TOKEN) or sent as "Authorization: Bearer".
    /// </summary>
    AppService = 0,
    /// <summary>Local runs under `func start`: no sign-in, the visitor is staff. Refused when the app runs in Azure.</summary>
    None = 1,
    /// <summary>The dashboard is closed (every request 503): what a deployment without an app registration sets.</summary>
    Off = 2,
}

/// <summary>Settings of the dashboard (section "Dashboard").</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    public DashboardSignIn SignIn { get; set; } = DashboardSignIn.AppService;

    /// <summary>The Entra ID tenant (directory) id of the dashboard's app registration.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>The application (client) id of that registration: a token's audience must be it or api://it.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>
    /// The token issuer's authority; empty means https://login.microsoftonline.com/{TenantId}/v2.0. Its OpenID Connect
    /// metadata (and signing keys) are read from {Authority}/.well-known/openid-configuration. Tests point it at loopback.
    /// </summary>
    public string Authority { get; set; } = "";

    /// <summary>The Entra ID app role that makes a signed-in user programme staff.</summary>
    public string StaffRole { get; set; } = "Dashboard.Staff";

    /// <summary>Staff by sign-in name (email), comma- or semicolon-separated; an alternative to the app role.</summary>
    public string StaffEmails { get; set; } = "";

    internal IReadOnlySet<string> StaffEmailSet =>
        StaffEmails.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    internal bool HasTokenSettings => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId);

    internal string EffectiveAuthority =>
        (string.IsNullOrWhiteSpace(Authority) ? $"https://login.microsoftonline.com/{Uri.EscapeDataString(TenantId.Trim())}/v2.0" : Authority.Trim()).TrimEnd('/');

    internal string MetadataAddress => EffectiveAuthority + "/.well-known/openid-configuration";

    /// <summary>Keys are fetched over HTTPS; plain HTTP only from this machine (tests' loopback issuer).</summary>
    internal bool AuthorityIsAcceptable =>
        Uri.TryCreate(EffectiveAuthority, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
