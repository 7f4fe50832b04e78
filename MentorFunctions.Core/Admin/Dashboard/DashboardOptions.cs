namespace MentorFunctions.Core.Admin.Dashboard;

/// <summary>How people sign in to the dashboard.</summary>
public enum DashboardSignIn
{
    /// <summary>In Azure: App Service Authentication (Entra ID) signs people in and passes X-MS-CLIENT-PRINCIPAL.</summary>
    AppService = 0,
    /// <summary>Local runs under `func start`: no sign-in, the visitor is staff. Refused when the app runs in Azure.</summary>
    None = 1,
}

/// <summary>Settings of the dashboard (section "Dashboard").</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    public DashboardSignIn SignIn { get; set; } = DashboardSignIn.AppService;

    /// <summary>The Entra ID app role that makes a signed-in user programme staff.</summary>
    public string StaffRole { get; set; } = "Dashboard.Staff";

    /// <summary>Staff by sign-in name (email), comma- or semicolon-separated; an alternative to the app role.</summary>
    public string StaffEmails { get; set; } = "";

    internal IReadOnlySet<string> StaffEmailSet =>
        StaffEmails.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
