using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MentorFunctions.Tests.Fixtures.Loopback;

/// <summary>
/// Plays Entra ID's token issuer on loopback: OpenID Connect metadata at {Authority}/.well-known/openid-configuration
/// and a JWKS with an RSA key generated here, and tokens signed with that key. The app verifies them exactly as it
/// verifies Entra ID's (only the authority differs).
/// </summary>
public sealed class LoopbackEntraId : IAsyncDisposable
{
    public const string TenantId = "7a1d2c3b-0000-4000-8000-00000000c0de";
    public const string ClientId = "5f0e9d8c-1111-4111-8111-00000000da5b";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly LoopbackHttpServer _server;

    public LoopbackEntraId()
    {
        Key = new RsaSecurityKey(_rsa) { KeyId = "loopback-key-1" };
        _server = new LoopbackHttpServer(ServeAsync);
    }

    public RsaSecurityKey Key { get; }
    public string Authority => $"http://127.0.0.1:{_server.Port}/{TenantId}/v2.0";
    public string Issuer => Authority;
    public int MetadataRequests;

    /// <summary>The dashboard settings that make the app trust this issuer.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Dashboard:TenantId"] = TenantId,
        ["Dashboard:ClientId"] = ClientId,
        ["Dashboard:Authority"] = Authority,
    };

    /// <summary>A signed token for a user, valid for an hour from <paramref name="now"/> unless told otherwise.</summary>
    public string Token(string preferredUsername, DateTimeOffset now, string[]? roles = null, string? audience = null, string? issuer = null,
        TimeSpan? lifetime = null, SecurityKey? signWith = null)
    {
        var claims = new List<Claim> { new("preferred_username", preferredUsername), new("tid", TenantId), new("sub", "sub-" + preferredUsername) };
        claims.AddRange((roles ?? []).Select(r => new Claim("roles", r)));
        var issued = now.UtcDateTime.AddMinutes(-1);
        var expires = now.UtcDateTime + (lifetime ?? TimeSpan.FromHours(1));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? ClientId,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issued,
            NotBefore = issued < expires ? issued : expires.AddMinutes(-5),
            Expires = expires,
            SigningCredentials = new SigningCredentials(signWith ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }

    private async Task ServeAsync(System.Net.HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var prefix = $"/{TenantId}/v2.0";
        if (path == prefix + "/.well-known/openid-configuration")
        {
            Interlocked.Increment(ref MetadataRequests);
            await LoopbackHttpServer.WriteAsync(context.Response, 200, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = $"http://127.0.0.1:{_server.Port}{prefix}/discovery/v2.0/keys",
                ["authorization_endpoint"] = $"http://127.0.0.1:{_server.Port}{prefix}/oauth2/v2.0/authorize",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            }));
        }
        else if (path == prefix + "/discovery/v2.0/keys")
        {
            var p = _rsa.ExportParameters(includePrivateParameters: false);
            await LoopbackHttpServer.WriteAsync(context.Response, 200, JsonSerializer.Serialize(new
            {
                keys = new[] { new { kty = "RSA", use = "sig", kid = Key.KeyId, alg = "RS256", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } },
            }));
        }
        else
        {
            await LoopbackHttpServer.WriteAsync(context.Response, 404, "{}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _rsa.Dispose();
    }
}
