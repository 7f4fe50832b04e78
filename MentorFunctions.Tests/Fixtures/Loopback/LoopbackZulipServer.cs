using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using MentorFunctions.Tests.Fixtures.OpenApi;

namespace MentorFunctions.Tests.Fixtures.Loopback;

/// <summary>One request the loopback Zulip received.</summary>
public sealed record ZulipRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Form, string? AuthUser)
{
    public string? Param(string name) => Form.TryGetValue(name, out var f) ? f : Query.TryGetValue(name, out var q) ? q : null;
}

/// <summary>A message stored by the loopback Zulip. <paramref name="Participants"/> includes the sender and the bot.</summary>
public sealed record StoredMessage(long Id, long SenderId, IReadOnlySet<long> Participants, string Content, long Timestamp);

/// <summary>A user of the loopback organisation; <paramref name="Missing"/> makes GET /users/{id} answer "No such user".</summary>
public sealed record LoopbackUser(string Email, string FullName, bool IsBot, bool Missing = false);

/// <summary>A scripted answer for the next request of one operation ("send-message", "get-messages", ...).</summary>
public sealed record ZulipFault(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, bool StoreAnyway = false, TimeSpan Delay = default);

/// <summary>
/// Zulip's REST API on 127.0.0.1, speaking its wire format for send-message, get-messages, set-typing-status and
/// get-own-user, with DMs kept in memory. EVERY request is checked against Zulip's OpenAPI description first; a request
/// that does not fit gets a 400 and is listed in <see cref="ValidationErrors"/>, which tests assert is empty.
/// </summary>
public sealed class LoopbackZulipServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentQueue<ZulipRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ZulipFault>> _faults = new();
    private readonly List<StoredMessage> _messages = [];
    private readonly object _gate = new();
    private long _nextId = 1000;

    public LoopbackZulipServer(string botEmail, string apiKey, long botUserId, string botName = "Mentor Bot")
    {
        BotEmail = botEmail;
        ApiKey = apiKey;
        BotUserId = botUserId;
        BotName = botName;
        _server = new LoopbackHttpServer(HandleAsync);
    }

    public string BotEmail { get; }
    public string ApiKey { get; }
    public long BotUserId { get; }
    public string BotName { get; }
    public Uri Site => _server.BaseUri;
    public bool RefuseTyping { get; set; }

    /// <summary>The time stamped on messages the bot posts (a test on a virtual clock points it there).</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    public IReadOnlyList<ZulipRequest> Requests => _requests.ToArray();
    public ConcurrentQueue<string> ValidationErrors { get; } = new();

    public IReadOnlyList<StoredMessage> Messages
    {
        get { lock (_gate) return _messages.ToArray(); }
    }

    /// <summary>Seeds a message as if a user had sent it to a DM with these other users (the bot is always in it).</summary>
    public long AddMessage(long senderId, IEnumerable<long> others, string content, DateTimeOffset? at = null)
    {
        lock (_gate)
        {
            var id = ++_nextId;
            var participants = new HashSet<long>(others) { senderId, BotUserId };
            _messages.Add(new StoredMessage(id, senderId, participants, content, (at ?? Clock()).ToUnixTimeSeconds()));
            return id;
        }
    }

    /// <summary>
    /// Other accounts that may call the API with their own key (a mentor running mentor-lab import with their zuliprc):
    /// email → (API key, user id). GET /messages answers them from their own point of view.
    /// </summary>
    public ConcurrentDictionary<string, (string Key, long UserId)> Accounts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Seeds a direct message between users without the bot (a mentor's own 1:1 history with a student).</summary>
    public long AddDirectMessage(long senderId, long otherId, string content, DateTimeOffset at)
    {
        lock (_gate)
        {
            var id = ++_nextId;
            _messages.Add(new StoredMessage(id, senderId, new HashSet<long> { senderId, otherId }, content, at.ToUnixTimeSeconds()));
            return id;
        }
    }

    /// <summary>Messages the bot sent to exactly this set of users (plus itself).</summary>
    public IReadOnlyList<StoredMessage> BotMessagesTo(params long[] users)
    {
        var set = new HashSet<long>(users) { BotUserId };
        return Messages.Where(m => m.SenderId == BotUserId && m.Participants.SetEquals(set)).ToArray();
    }

    /// <summary>
    /// Asked for every authenticated request (by operation id) once no queued fault applies: a fault to answer with, or
    /// null to answer normally. Lets a test fail a share of calls at random (seeded) rather than a scripted few.
    /// </summary>
    public Func<string, ZulipFault?>? FaultInjector { get; set; }

    public void EnqueueFault(string operationId, ZulipFault fault) =>
        _faults.GetOrAdd(operationId, _ => new ConcurrentQueue<ZulipFault>()).Enqueue(fault);

    public static ZulipFault RateLimited(string retryAfter) => new(429,
        $$"""{"result":"error","msg":"API usage exceeded rate limit","code":"RATE_LIMIT_HIT","retry-after":{{retryAfter}}}""",
        new Dictionary<string, string> { ["Retry-After"] = retryAfter, ["X-RateLimit-Remaining"] = "0" });

    public static ZulipFault ServerError(bool storeAnyway = false) =>
        new(500, "<html><body>Internal server error</body></html>", null, storeAnyway);

    public int Count(string operationId) => Requests.Count(r => Operation(r) == operationId);

    public static string Operation(ZulipRequest r) => (r.Method, r.Path) switch
    {
        ("POST", "/messages") => "send-message",
        ("GET", "/messages") => "get-messages",
        ("POST", "/typing") => "set-typing-status",
        ("GET", "/users/me") => "get-own-user",
        ("GET", var p) when p.StartsWith("/users/", StringComparison.Ordinal) && long.TryParse(p["/users/".Length..], out _) => "get-user",
        _ => $"{r.Method} {r.Path}",
    };

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        if (!path.StartsWith("/api/v1/", StringComparison.Ordinal))
        {
            await Error(context.Response, 404, "Not found", "BAD_REQUEST");
            return;
        }
        path = path["/api/v1".Length..];
        var query = ToDictionary(HttpUtility.ParseQueryString(request.Url.Query));
        var form = new Dictionary<string, string>();
        if (request.HasEntityBody)
        {
            if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
                ValidationErrors.Enqueue($"{request.HttpMethod} {path}: body is {request.ContentType}, not form-encoded");
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            form = ToDictionary(HttpUtility.ParseQueryString(await reader.ReadToEndAsync()));
        }
        var recorded = new ZulipRequest(request.HttpMethod, path, query, form, AuthUser(request));
        _requests.Enqueue(recorded);

        var errors = ZulipRequestValidator.Instance.Validate(request.HttpMethod, path, query, form.Count > 0 ? form : null);
        if (errors.Count > 0)
        {
            foreach (var e in errors) ValidationErrors.Enqueue(e);
            await Error(context.Response, 400, string.Join("; ", errors), "BAD_REQUEST");
            return;
        }
        if (Caller(recorded.AuthUser) is not { } caller)
        {
            await Error(context.Response, 401, "Invalid API key", "UNAUTHORIZED");
            return;
        }

        var operation = Operation(recorded);
        string? success = null;
        var fault = _faults.TryGetValue(operation, out var queue) && queue.TryDequeue(out var queued) ? queued : FaultInjector?.Invoke(operation);
        if (fault is not null)
        {
            if (fault.StoreAnyway) Answer(operation, recorded, caller);
            if (fault.Delay > TimeSpan.Zero) await Task.Delay(fault.Delay);
            await LoopbackHttpServer.WriteAsync(context.Response, fault.Status, fault.Body,
                fault.Body.StartsWith('{') ? "application/json" : "text/html", fault.Headers);
            return;
        }
        if (operation == "set-typing-status" && RefuseTyping)
        {
            await Error(context.Response, 400, "Bots cannot send typing notifications", "BAD_REQUEST");
            return;
        }
        success = Answer(operation, recorded, caller);
        if (ReferenceEquals(success, NoSuchUser))
        {
            await Error(context.Response, 400, "No such user", "BAD_REQUEST");
            return;
        }
        if (success is null)
        {
            await Error(context.Response, 404, "Unsupported by the loopback Zulip", "BAD_REQUEST");
            return;
        }
        await LoopbackHttpServer.WriteAsync(context.Response, 200, success, headers: RateHeaders());
    }

    /// <summary>The user id of the account these credentials belong to (the bot or one of <see cref="Accounts"/>), or null.</summary>
    private long? Caller(string? authUser)
    {
        if (authUser == BotEmail + ":" + ApiKey) return BotUserId;
        var colon = authUser?.IndexOf(':') ?? -1;
        if (colon <= 0) return null;
        return Accounts.TryGetValue(authUser![..colon], out var account) && account.Key == authUser[(colon + 1)..] ? account.UserId : null;
    }

    private string? Answer(string operation, ZulipRequest r, long caller)
    {
        switch (operation)
        {
            case "send-message":
            {
                var to = JsonSerializer.Deserialize<long[]>(r.Form["to"])!;
                var id = AddMessage(BotUserId, to, r.Form["content"]);
                return Success(new JsonObject { ["id"] = id });
            }
            case "get-messages":
            {
                var narrow = JsonNode.Parse(r.Query["narrow"])!.AsArray();
                var dm = narrow.Single(t => (string?)t!["operator"] == "dm")!["operand"]!.AsArray().Select(n => (long)n!).ToHashSet();
                dm.Add(caller);
                var numBefore = int.Parse(r.Query.GetValueOrDefault("num_before", "0"), System.Globalization.CultureInfo.InvariantCulture);
                var numAfter = int.Parse(r.Query.GetValueOrDefault("num_after", "0"), System.Globalization.CultureInfo.InvariantCulture);
                var raw = r.Query.GetValueOrDefault("apply_markdown") == "false";
                var all = Messages.Where(m => m.Participants.SetEquals(dm)).OrderBy(m => m.Id).ToArray();
                // Zulip's range: num_before messages below the anchor, the anchor itself (unless include_anchor=false),
                // num_after above it. "newest" anchors at the last message, "oldest" below the first.
                var anchorText = r.Query.GetValueOrDefault("anchor", "newest");
                long anchor = anchorText switch
                {
                    "newest" => all.LastOrDefault()?.Id ?? 0,
                    "oldest" => 0,
                    _ => long.Parse(anchorText, System.Globalization.CultureInfo.InvariantCulture),
                };
                var includeAnchor = r.Query.GetValueOrDefault("include_anchor") != "false";
                var before = all.Where(m => m.Id < anchor).TakeLast(numBefore);
                var at = all.Where(m => m.Id == anchor && includeAnchor);
                var after = all.Where(m => m.Id > anchor).Take(numAfter);
                var found = before.Concat(at).Concat(after).ToArray();
                var array = new JsonArray();
                foreach (var m in found)
                {
                    var recipients = new JsonArray();
                    foreach (var p in m.Participants.Order())
                        recipients.Add(new JsonObject { ["id"] = p, ["email"] = $"user{p}@example.com", ["full_name"] = $"User {p}", ["is_mirror_dummy"] = false });
                    array.Add(new JsonObject
                    {
                        ["id"] = m.Id,
                        ["sender_id"] = m.SenderId,
                        ["sender_full_name"] = $"User {m.SenderId}",
                        ["content"] = raw ? m.Content : $"<p>{WebUtility.HtmlEncode(m.Content)}</p>",
                        ["content_type"] = raw ? "text/x-markdown" : "text/html",
                        ["timestamp"] = m.Timestamp,
                        ["type"] = "private",
                        ["display_recipient"] = recipients,
                        ["subject"] = "",
                        ["client"] = "website",
                        ["flags"] = new JsonArray("read"),
                        ["reactions"] = new JsonArray(),
                    });
                }
                return Success(new JsonObject
                {
                    ["messages"] = array, ["anchor"] = anchorText == "newest" ? found.LastOrDefault()?.Id ?? 0 : anchor,
                    ["found_newest"] = found.Length == 0 ? all.All(m => m.Id <= anchor) : all[^1].Id == found[^1].Id || anchorText == "newest",
                    ["found_oldest"] = found.Length == 0 ? all.All(m => m.Id >= anchor) : all[0].Id == found[0].Id,
                    ["found_anchor"] = at.Any(), ["history_limited"] = false,
                });
            }
            case "set-typing-status":
                return Success([]);
            case "get-own-user":
                if (caller != BotUserId && Accounts.FirstOrDefault(a => a.Value.UserId == caller) is { Key: { } email })
                    return Success(new JsonObject
                    {
                        ["user_id"] = caller, ["email"] = email, ["full_name"] = $"User {caller}", ["is_bot"] = false, ["role"] = 400,
                    });
                return Success(new JsonObject
                {
                    ["user_id"] = BotUserId, ["email"] = BotEmail, ["full_name"] = BotName, ["is_bot"] = true, ["role"] = 400,
                });
            case "get-user":
            {
                var id = long.Parse(r.Path["/users/".Length..], System.Globalization.CultureInfo.InvariantCulture);
                if (id == BotUserId)
                    return Success(new JsonObject { ["user"] = UserJson(id, BotEmail, BotName, true) });
                if (!Users.TryGetValue(id, out var user))
                    user = new LoopbackUser($"user{id}@example.com", $"User {id}", IsBot: false);
                return user.Missing
                    ? NoSuchUser
                    : Success(new JsonObject { ["user"] = UserJson(id, user.Email, user.FullName, user.IsBot) });
            }
            default:
                return null;
        }
    }

    /// <summary>
    /// The organisation's other users as GET /users/{id} describes them. An id not listed is a human named "User {id}",
    /// so tests only list the bots and the missing.
    /// </summary>
    public ConcurrentDictionary<long, LoopbackUser> Users { get; } = new();

    private static readonly string NoSuchUser = new("no such user".ToCharArray());

    private static JsonObject UserJson(long id, string email, string name, bool isBot) => new()
    {
        ["user_id"] = id, ["email"] = email, ["full_name"] = name, ["is_bot"] = isBot, ["role"] = 400,
        ["is_active"] = true, ["timezone"] = "", ["date_joined"] = "2024-01-01T00:00:00+00:00",
    };

    private static string Success(JsonObject fields)
    {
        var o = new JsonObject { ["result"] = "success", ["msg"] = "" };
        foreach (var (k, v) in fields) o[k] = v?.DeepClone();
        return o.ToJsonString();
    }

    private static Task Error(HttpListenerResponse response, int status, string msg, string code) =>
        LoopbackHttpServer.WriteAsync(response, status,
            new JsonObject { ["result"] = "error", ["msg"] = msg, ["code"] = code }.ToJsonString());

    private static Dictionary<string, string> RateHeaders() => new()
    {
        ["X-RateLimit-Limit"] = "200", ["X-RateLimit-Remaining"] = "199", ["X-RateLimit-Reset"] = "1700000000",
    };

    private static string? AuthUser(HttpListenerRequest request)
    {
        var header = request.Headers["Authorization"];
        if (header is null || !header.StartsWith("Basic ", StringComparison.Ordinal)) return null;
        return Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
    }

    private static Dictionary<string, string> ToDictionary(System.Collections.Specialized.NameValueCollection values)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string? key in values.Keys)
            if (key is not null) d[key] = values[key]!;
        return d;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
