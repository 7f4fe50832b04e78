using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MentorFunctions.Core.Admin.Dashboard;

/// <summary>The outcome of a sign-in check; <see cref="Principal"/> is set only for a verified token.</summary>
public enum DashboardSignInOutcome { Verified, NoToken, Invalid, KeysUnavailable, NotConfigured }

public sealed record DashboardSignInResult(DashboardSignInOutcome Outcome, DashboardPrincipal? Principal = null);

/// <summary>
/// Verifies the Entra ID token a dashboard request carries, and nothing else: no header a caller could forge
/// (X-MS-CLIENT-PRINCIPAL) is trusted, because on Flex Consumption App Service Authentication does not stand in front of
/// the app. The token comes from "Authorization: Bearer" or, when App Service Authentication's token store is on, from
/// X-MS-TOKEN-AAD-ID-TOKEN. Checked: signature (RS256) against the tenant's published keys (OpenID Connect metadata,
/// cached and refreshed by Microsoft.IdentityModel), issuer, audience (client id or api://client id), lifetime on the
/// app's clock.
/// </summary>
public sealed class DashboardTokenVerifier
{
    public const string HttpClientName = "dashboard-signin";
    public const string IdTokenHeader = "X-MS-TOKEN-AAD-ID-TOKEN";
    private const int MaxTokenChars = 16 * 1024;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    private readonly DashboardOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<DashboardTokenVerifier> _log;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _metadata;
    private readonly JsonWebTokenHandler _handler = new();

    public DashboardTokenVerifier(IOptions<DashboardOptions> options, IHttpClientFactory http, TimeProvider clock, ILogger<DashboardTokenVerifier> log)
    {
        _options = options.Value;
        _clock = clock;
        _log = log;
        if (_options.HasTokenSettings && _options.AuthorityIsAcceptable)
        {
            var retriever = new HttpDocumentRetriever(http.CreateClient(HttpClientName)) { RequireHttps = !new Uri(_options.EffectiveAuthority).IsLoopback };
            _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(_options.MetadataAddress, new OpenIdConnectConfigurationRetriever(), retriever);
        }
    }

    public async Task<DashboardSignInResult> VerifyAsync(DashboardRequest request, CancellationToken ct)
    {
        if (_metadata is null)
            return new(DashboardSignInOutcome.NotConfigured);
        var token = TokenOf(request);
        if (token is null)
            return new(DashboardSignInOutcome.NoToken);
        if (token.Length is 0 or > MaxTokenChars)
            return new(DashboardSignInOutcome.Invalid);

        try
        {
            // Fetched (or served from cache) first, so that an unreachable issuer is told apart from a bad token.
            await _metadata.GetConfigurationAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            _log.LogWarning("Dashboard sign-in: the issuer's OpenID Connect metadata is unavailable ({Error})", e.GetType().Name);
            return new(DashboardSignInOutcome.KeysUnavailable);
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            // With the configuration manager the handler takes the issuer and keys from the metadata, and refreshes
            // them when a token names a key it does not know (Entra ID rolls its keys).
            ConfigurationManager = _metadata,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudiences = [_options.ClientId.Trim(), "api://" + _options.ClientId.Trim()],
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            // On the app's clock (the library's TimeProvider property is not public in 8.x).
            LifetimeValidator = (notBefore, expires, _, _) => IsCurrent(notBefore, expires),
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            // The exception's type says why (expired, audience, issuer, signature); never the token or its claims.
            _log.LogInformation("Dashboard sign-in refused: {Reason}", result.Exception?.GetType().Name ?? "invalid");
            return new(DashboardSignInOutcome.Invalid);
        }
        var principal = DashboardPrincipal.FromClaims(result.ClaimsIdentity.Claims);
        return principal is null ? new(DashboardSignInOutcome.Invalid) : new(DashboardSignInOutcome.Verified, principal);
    }

    private bool IsCurrent(DateTime? notBefore, DateTime? expires)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp.ToUniversalTime() >= now - ClockSkew
               && (notBefore is not { } nbf || nbf.ToUniversalTime() <= now + ClockSkew);
    }

    /// <summary>The bearer token if the request has an Authorization header, else the ID token App Service forwards.</summary>
    private static string? TokenOf(DashboardRequest request)
    {
        if (request.Header("Authorization") is { Length: > 0 } authorization)
            return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization[7..].Trim() is { Length: > 0 } bearer
                ? bearer : "";
        return request.Header(IdTokenHeader) is { } id && id.Trim() is { Length: > 0 } trimmed ? trimmed : null;
    }
}
