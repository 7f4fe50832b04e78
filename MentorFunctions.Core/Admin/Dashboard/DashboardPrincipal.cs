using System.Security.Claims;

namespace MentorFunctions.Core.Admin.Dashboard;

/// <summary>
/// The signed-in user, read from the claims of a token <see cref="DashboardTokenVerifier"/> has verified: the sign-in
/// name (matched to a mentor's email and to Dashboard:StaffEmails) and the app roles.
/// </summary>
public sealed record DashboardPrincipal(string Name, IReadOnlySet<string> Roles)
{
    // Entra ID v2.0 tokens carry the sign-in name as preferred_username; email and upn when configured as optional claims.
    private static readonly string[] NameClaims = ["preferred_username", "email", "upn"];

    /// <summary>The principal, or null when the claims name nobody.</summary>
    public static DashboardPrincipal? FromClaims(IEnumerable<Claim> claims)
    {
        var list = claims.ToList();
        var name = NameClaims
            .Select(type => list.FirstOrDefault(c => string.Equals(c.Type, type, StringComparison.OrdinalIgnoreCase))?.Value)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (name is null)
            return null;
        var roles = list.Where(c => c.Type is "roles" or ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new DashboardPrincipal(name.Trim(), roles);
    }
}
