using System.Text;
using System.Text.Json;

namespace MentorFunctions.Core.Admin.Dashboard;

/// <summary>
/// The signed-in user as App Service Authentication describes them in the X-MS-CLIENT-PRINCIPAL header: base64 of
/// {"auth_typ","name_typ","role_typ","claims":[{"typ","val"}]}. Only the sign-in name and the roles are used.
/// </summary>
public sealed record DashboardPrincipal(string Name, IReadOnlySet<string> Roles)
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";
    public const string NameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    private const int MaxHeaderChars = 32 * 1024;

    private static readonly string[] NameClaims =
    [
        "preferred_username", "email", "emails", "upn",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
    ];

    /// <summary>The principal, or null when the header is missing, malformed or names nobody.</summary>
    public static DashboardPrincipal? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxHeaderChars)
            return null;
        try
        {
            var bytes = Convert.FromBase64String(header.Trim());
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 8 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
                return null;
            var nameType = Text(root, "name_typ");
            var roleType = Text(root, "role_typ");
            var values = new List<(string Type, string Value)>();
            foreach (var c in claims.EnumerateArray())
            {
                if (c.ValueKind == JsonValueKind.Object && Text(c, "typ") is { } typ && Text(c, "val") is { } val)
                    values.Add((typ, val));
            }
            var name = (nameType is null ? null : values.FirstOrDefault(v => v.Type == nameType).Value)
                       ?? NameClaims.Select(t => values.FirstOrDefault(v => string.Equals(v.Type, t, StringComparison.OrdinalIgnoreCase)).Value)
                           .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
            if (string.IsNullOrWhiteSpace(name))
                return null;
            var roles = values
                .Where(v => v.Type == roleType || v.Type is "roles" or "http://schemas.microsoft.com/ws/2008/06/identity/claims/role")
                .Select(v => v.Value)
                .ToHashSet(StringComparer.Ordinal);
            return new DashboardPrincipal(name.Trim(), roles);
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The header value App Service would send for this user (used by local tools and tests).</summary>
    public static string Encode(string name, params string[] roles)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("auth_typ", "aad");
            w.WriteString("name_typ", "preferred_username");
            w.WriteString("role_typ", "roles");
            w.WriteStartArray("claims");
            w.WriteStartObject();
            w.WriteString("typ", "preferred_username");
            w.WriteString("val", name);
            w.WriteEndObject();
            foreach (var role in roles)
            {
                w.WriteStartObject();
                w.WriteString("typ", "roles");
                w.WriteString("val", role);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Convert.ToBase64String(buffer.ToArray());
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
