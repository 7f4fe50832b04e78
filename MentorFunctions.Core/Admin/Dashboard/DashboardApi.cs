using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Zulip;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Admin.Dashboard;

/// <summary>
/// The dashboard: its page and JSON endpoints below "dashboard/". Staff (app role or allow-list) see and manage every
/// mentor; a signed-in mentor sees only their own data and may pause, resume and set the mode of their own stand-in,
/// as in chat. Actions run through <see cref="MentorControls"/> (as the chat commands do) and <see cref="AdminApi"/>
/// (pairs), so behaviour lives in one place. Bad input gets a 4xx naming the field; nothing here posts to Zulip.
/// </summary>
public sealed class DashboardApi(
    IMentorRegistry registry,
    MentorControls controls,
    AdminApi admin,
    DashboardData data,
    DashboardTokenVerifier tokens,
    IOptions<DashboardOptions> options,
    IOptions<ZulipOptions> zulip,
    IConfiguration configuration,
    ILogger<DashboardApi> log)
{
    private const int MaxBodyChars = 16 * 1024;

    private static readonly IReadOnlyDictionary<string, string> PageHeaders = new Dictionary<string, string>
    {
        // Everything is served from this app; no inline script, no framing, no sniffing.
        ["Content-Security-Policy"] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["Cache-Control"] = "no-store",
    };

    public async Task<DashboardResponse> HandleAsync(DashboardRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = (request.Path ?? "").Trim('/');
        var method = request.Method.ToUpperInvariant();
        try
        {
            var (viewer, refusal) = await AuthenticateAsync(request, ct).ConfigureAwait(false);
            if (viewer is null)
            {
                // Where App Service Authentication signs people in, a person opening the page is sent to sign in and
                // back; scripts (and Flex Consumption, which has no sign-in page) get the 401.
                if (refusal!.Status == 401 && method == "GET" && path is "" or "index.html"
                    && string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase))
                    return new DashboardResponse(302, "text/plain; charset=utf-8", [], new Dictionary<string, string>(PageHeaders)
                    {
                        ["Location"] = "/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(request.UrlPath ?? "/api/dashboard/"),
                    });
                return refusal;
            }

            if (path.Length == 0 && method == "GET" && request.UrlPath is { } url && !url.EndsWith('/'))
            {
                // The page loads its files relative to itself, so it must be addressed as ".../dashboard/".
                return new DashboardResponse(308, "text/plain; charset=utf-8", [],
                    new Dictionary<string, string>(PageHeaders) { ["Location"] = url + "/" });
            }
            if (path.Length == 0 || path == "index.html")
                return method == "GET" ? Asset("index.html")! : MethodNotAllowed("GET");
            if (path.StartsWith("assets/", StringComparison.Ordinal))
                return method != "GET" ? MethodNotAllowed("GET") : Asset(path["assets/".Length..]) ?? NotFound("path", "No such dashboard file.");
            if (!path.StartsWith("api/", StringComparison.Ordinal))
                return NotFound("path", "No such dashboard page.");

            var parts = path["api/".Length..].Split('/');
            if (parts is ["me"])
                return method == "GET" ? await MeAsync(viewer, ct).ConfigureAwait(false) : MethodNotAllowed("GET");
            if (parts.Length < 3 || parts[0] != "bots" || parts[2] is not ("mentors" or "pairs"))
                return NotFound("path", "No such dashboard endpoint.");
            var bot = zulip.Value.FindBot(Uri.UnescapeDataString(parts[1]))?.Email;
            if (bot is null)
                return NotFound("bot", "This deployment does not serve that bot.");

            return parts[2..] switch
            {
                ["mentors"] when method == "GET" => await MentorsAsync(viewer, bot, ct).ConfigureAwait(false),
                ["pairs"] when method == "POST" => await RegisterPairAsync(viewer, bot, request, ct).ConfigureAwait(false),
                ["mentors", var id] when method == "GET" => await WithMentorAsync(viewer, bot, id, ct, m => DetailAsync(viewer, m, ct)).ConfigureAwait(false),
                ["mentors", var id, "replies"] when method == "GET" => await WithMentorAsync(viewer, bot, id, ct, m => RepliesAsync(m, request, ct)).ConfigureAwait(false),
                ["mentors", var id, "pause"] when method == "POST" => await ActionAsync(viewer, bot, id, request, ct, (m, body) => PauseAsync(viewer, m, body, ct)).ConfigureAwait(false),
                ["mentors", var id, "resume"] when method == "POST" => await ActionAsync(viewer, bot, id, request, ct, (m, _) => ResumeAsync(viewer, m, ct)).ConfigureAwait(false),
                ["mentors", var id, "mode"] when method == "POST" => await ActionAsync(viewer, bot, id, request, ct, (m, body) => ModeAsync(viewer, m, body, ct)).ConfigureAwait(false),
                ["mentors", var id, "students", var student] when method == "DELETE" => await RemovePairAsync(viewer, bot, id, student, request, ct).ConfigureAwait(false),
                ["mentors"] or ["mentors", _] or ["mentors", _, "replies"] => MethodNotAllowed("GET"),
                ["pairs"] or ["mentors", _, "pause" or "resume" or "mode"] => MethodNotAllowed("POST"),
                ["mentors", _, "students", _] => MethodNotAllowed("DELETE"),
                _ => NotFound("path", "No such dashboard endpoint."),
            };
        }
        catch (Exception e) when (e is Azure.RequestFailedException or TimeoutException or HttpRequestException)
        {
            log.LogWarning(e, "Dashboard: storage unavailable for {Method} {Path}", method, path);
            return Error(503, "storage", "Storage is unavailable right now; try again in a moment.");
        }
    }

    // ---- who is looking ----

    private async Task<(Viewer? Viewer, DashboardResponse? Refusal)> AuthenticateAsync(DashboardRequest request, CancellationToken ct)
    {
        var o = options.Value;
        if (o.SignIn == DashboardSignIn.Off)
            return (null, Error(503, "signIn", "The dashboard is off in this deployment: it has no Entra ID app registration (see docs/dashboard.md)."));
        if (o.SignIn == DashboardSignIn.None)
        {
            // WEBSITE_SITE_NAME is set by App Service: a deployment that forgot to sign people in must not open up.
            if (!string.IsNullOrEmpty(configuration["WEBSITE_SITE_NAME"]))
                return (null, Error(503, "signIn", "Dashboard:SignIn=None is only for local runs; in Azure the dashboard needs Entra ID sign-in."));
            return (new Viewer("local developer", IsStaff: true, SignInRequired: false), null);
        }

        // Only a token the app verifies itself counts: X-MS-CLIENT-PRINCIPAL is never read, because on Flex Consumption
        // App Service Authentication does not stand in front of the app and anyone could send it.
        var result = await tokens.VerifyAsync(request, ct).ConfigureAwait(false);
        return result.Outcome switch
        {
            DashboardSignInOutcome.Verified => (new Viewer(result.Principal!.Name,
                result.Principal.Roles.Contains(o.StaffRole) || o.StaffEmailSet.Contains(result.Principal.Name), SignInRequired: true), null),
            DashboardSignInOutcome.NotConfigured => (null, Error(503, "signIn",
                "Sign-in is not configured: set Dashboard:TenantId and Dashboard:ClientId (and an https Dashboard:Authority, if any); see docs/dashboard.md.")),
            DashboardSignInOutcome.KeysUnavailable => (null, Error(503, "signIn",
                "Entra ID's signing keys cannot be fetched right now, so no sign-in can be verified; try again in a moment.")),
            DashboardSignInOutcome.NoToken => (null, Error(401, "signIn",
                "Sign in first: send an Entra ID token as \"Authorization: Bearer <token>\" (or sign in at /.auth/login/aad where App Service Authentication runs).")),
            _ => (null, Error(401, "signIn", "The sign-in token is not valid (expired, for another app or issuer, or not signed by Entra ID); sign in again.")),
        };
    }

    private async Task<MentorRecord?> OwnMentorRecordAsync(Viewer viewer, string bot, CancellationToken ct)
    {
        var mentors = await registry.ListMentorsAsync(bot, ct).ConfigureAwait(false);
        return mentors.FirstOrDefault(m => string.Equals(m.Email, viewer.Name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The mentor a route names, if the viewer may see them; otherwise the 400/403/404 to answer.</summary>
    private async Task<(MentorRecord? Mentor, DashboardResponse? Error)> VisibleMentorAsync(Viewer viewer, string bot, string id, CancellationToken ct)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var mentorId) || mentorId <= 0)
            return (null, Error(400, "mentorId", "must be a positive whole number (a Zulip user id)."));
        var mentor = await registry.GetMentorAsync(bot, mentorId, ct).ConfigureAwait(false);
        if (!viewer.IsStaff && (mentor is null || !string.Equals(mentor.Email, viewer.Name, StringComparison.OrdinalIgnoreCase)))
            return (null, Error(403, "mentorId", "You can see only your own data."));
        return mentor is null ? (null, NotFound("mentorId", $"No mentor {mentorId} is registered for this bot.")) : (mentor, null);
    }

    private async Task<DashboardResponse> WithMentorAsync(Viewer viewer, string bot, string id, CancellationToken ct, Func<MentorRecord, Task<DashboardResponse>> then)
    {
        var (mentor, error) = await VisibleMentorAsync(viewer, bot, id, ct).ConfigureAwait(false);
        return error ?? await then(mentor!).ConfigureAwait(false);
    }

    // ---- reads ----

    private async Task<DashboardResponse> MeAsync(Viewer viewer, CancellationToken ct)
    {
        var bots = new List<ViewerBotDto>();
        foreach (var bot in zulip.Value.Bots)
        {
            var own = await OwnMentorRecordAsync(viewer, bot.Email, ct).ConfigureAwait(false);
            if (viewer.IsStaff || own is not null)
                bots.Add(new ViewerBotDto(bot.Email, own?.UserId));
        }
        return Json(200, new ViewerDto(viewer.Name, viewer.IsStaff, viewer.SignInRequired, bots), DashboardJsonContext.Default.ViewerDto);
    }

    private async Task<DashboardResponse> MentorsAsync(Viewer viewer, string bot, CancellationToken ct)
    {
        IReadOnlyList<MentorRecord> mentors;
        if (viewer.IsStaff)
            mentors = await registry.ListMentorsAsync(bot, ct).ConfigureAwait(false);
        else
            mentors = await OwnMentorRecordAsync(viewer, bot, ct).ConfigureAwait(false) is { } own ? [own] : [];
        return Json(200, await data.RowsAsync(bot, mentors, ct).ConfigureAwait(false), DashboardJsonContext.Default.MentorRowsDto);
    }

    private async Task<DashboardResponse> DetailAsync(Viewer viewer, MentorRecord mentor, CancellationToken ct) =>
        Json(200, await data.DetailAsync(mentor, viewer.IsStaff, ct).ConfigureAwait(false), DashboardJsonContext.Default.MentorDetailDto);

    private async Task<DashboardResponse> RepliesAsync(MentorRecord mentor, DashboardRequest request, CancellationToken ct)
    {
        var days = 14;
        if (request.QueryValue("days") is { Length: > 0 } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days < 1 || days > DashboardData.MaxTimelineDays))
            return Error(400, "days", $"must be a whole number from 1 to {DashboardData.MaxTimelineDays}.");
        return Json(200, await data.TimelineAsync(mentor, days, ct).ConfigureAwait(false), DashboardJsonContext.Default.ReplyTimelineDto);
    }

    // ---- actions ----

    private async Task<DashboardResponse> ActionAsync(Viewer viewer, string bot, string id, DashboardRequest request, CancellationToken ct,
        Func<MentorRecord, JsonObject, Task<DashboardResponse>> act)
    {
        if (CheckWrite(request, out var body) is { } refused)
            return refused;
        var (mentor, error) = await VisibleMentorAsync(viewer, bot, id, ct).ConfigureAwait(false);
        return error ?? await act(mentor!, body!).ConfigureAwait(false);
    }

    private async Task<DashboardResponse> PauseAsync(Viewer viewer, MentorRecord mentor, JsonObject body, CancellationToken ct)
    {
        TimeSpan? duration = null;
        if (body["minutes"] is { } minutes)
        {
            if (minutes.GetValueKind() != JsonValueKind.Number || !minutes.AsValue().TryGetValue<long>(out var m)
                || m < 1 || m > MentorControls.MaxTimedPause.TotalMinutes)
                return Error(400, "minutes", $"must be a whole number of minutes from 1 to {MentorControls.MaxTimedPause.TotalMinutes:F0}, or left out to pause until resumed.");
            duration = TimeSpan.FromMinutes(m);
        }
        if (await controls.PauseAsync(mentor, duration, ct).ConfigureAwait(false) is not { } updated)
            return Gone(mentor);
        log.LogInformation("Dashboard: mentor {MentorId} paused by {Role}", mentor.UserId, viewer.Role);
        return Json(200, await data.RowAsync(updated, null, ct).ConfigureAwait(false), DashboardJsonContext.Default.MentorRowDto);
    }

    private async Task<DashboardResponse> ResumeAsync(Viewer viewer, MentorRecord mentor, CancellationToken ct)
    {
        if (await controls.ResumeAsync(mentor, ct).ConfigureAwait(false) is not { } updated)
            return Gone(mentor);
        log.LogInformation("Dashboard: mentor {MentorId} resumed by {Role}", mentor.UserId, viewer.Role);
        return Json(200, await data.RowAsync(updated, null, ct).ConfigureAwait(false), DashboardJsonContext.Default.MentorRowDto);
    }

    private async Task<DashboardResponse> ModeAsync(Viewer viewer, MentorRecord mentor, JsonObject body, CancellationToken ct)
    {
        var text = body["mode"] is { } node && node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>().Trim().ToLowerInvariant() : null;
        ReplyMode? mode = text switch { "auto" => ReplyMode.Auto, "draft" => ReplyMode.Draft, "off" => ReplyMode.Off, _ => null };
        if (mode is null)
            return Error(400, "mode", "must be \"auto\", \"draft\" or \"off\".");
        if (await controls.SetModeAsync(mentor, mode.Value, ct).ConfigureAwait(false) is not { } updated)
            return Gone(mentor);
        log.LogInformation("Dashboard: mentor {MentorId} mode {Mode} set by {Role}", mentor.UserId, mode, viewer.Role);
        return Json(200, await data.RowAsync(updated, null, ct).ConfigureAwait(false), DashboardJsonContext.Default.MentorRowDto);
    }

    private async Task<DashboardResponse> RegisterPairAsync(Viewer viewer, string bot, DashboardRequest request, CancellationToken ct)
    {
        if (CheckWrite(request, out var body) is { } refused)
            return refused;
        if (!viewer.IsStaff)
            return Error(403, "pairs", "Only programme staff register pairs.");
        body!["botEmail"] = bot; // the route's bot, whatever the body says
        var result = await admin.RegisterPairAsync(body.ToJsonString(), ct).ConfigureAwait(false);
        return FromAdmin(result);
    }

    private async Task<DashboardResponse> RemovePairAsync(Viewer viewer, string bot, string mentorId, string studentId, DashboardRequest request, CancellationToken ct)
    {
        if (CheckWrite(request, out _, bodyRequired: false) is { } refused)
            return refused;
        if (!viewer.IsStaff)
            return Error(403, "pairs", "Only programme staff remove pairs.");
        return FromAdmin(await admin.RemovePairAsync(bot, mentorId, studentId, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// A write must come from the dashboard's own page: a JSON body (a cross-site form cannot send one without CORS,
    /// which this app never grants) and, when the browser names it, the same origin.
    /// </summary>
    private static DashboardResponse? CheckWrite(DashboardRequest request, out JsonObject? body, bool bodyRequired = true)
    {
        body = null;
        var origin = request.Header("Origin");
        var host = request.Header("Host");
        if (!string.IsNullOrEmpty(origin) && !string.IsNullOrEmpty(host)
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var o) && string.Equals(o.Authority, host, StringComparison.OrdinalIgnoreCase)))
            return Error(403, "origin", "Changes are accepted only from the dashboard's own page.");
        var type = request.Header("Content-Type") ?? "";
        if (!type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return bodyRequired || !string.IsNullOrEmpty(request.Body)
                ? Error(415, "Content-Type", "must be application/json.")
                : Error(415, "Content-Type", "must be application/json (send {} when there is nothing to say).");
        var text = string.IsNullOrWhiteSpace(request.Body) ? "{}" : request.Body;
        if (text.Length > MaxBodyChars)
            return Error(413, "body", $"must be at most {MaxBodyChars} characters.");
        try
        {
            body = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 8 }) as JsonObject;
        }
        catch (JsonException e)
        {
            return Error(400, "body", $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }
        return body is null ? Error(400, "body", "must be a JSON object.") : null;
    }

    // ---- answers ----

    private static DashboardResponse? Asset(string name) =>
        DashboardAssets.Find(name) is { } asset ? new DashboardResponse(200, asset.ContentType, asset.Bytes, PageHeaders) : null;

    private static DashboardResponse FromAdmin(AdminResult result) =>
        new(result.Status, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(result.Json), PageHeaders);

    private static DashboardResponse Json<T>(int status, T value, JsonTypeInfo<T> type) =>
        new(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, type), PageHeaders);

    private static DashboardResponse Error(int status, string field, string message) =>
        Json(status, new ErrorList([new FieldError(field, message)]), DashboardJsonContext.Default.ErrorList);

    private static DashboardResponse NotFound(string field, string message) => Error(404, field, message);

    // Removed between the visibility check and the write: the change did not register them again.
    private static DashboardResponse Gone(MentorRecord mentor) =>
        NotFound("mentorId", $"Mentor {mentor.UserId} is no longer registered.");

    private static DashboardResponse MethodNotAllowed(string allowed) =>
        Error(405, "method", $"This endpoint accepts {allowed} only.") with
        {
            Headers = new Dictionary<string, string>(PageHeaders) { ["Allow"] = allowed },
        };

    private sealed record Viewer(string Name, bool IsStaff, bool SignInRequired)
    {
        /// <summary>For logs: the kind of viewer, never their name.</summary>
        public string Role => IsStaff ? "staff" : "mentor";
    }
}
