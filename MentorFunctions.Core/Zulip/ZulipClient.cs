using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Zulip;

/// <summary>
/// <see cref="IZulipClient"/> over HttpClient. Rate limits: a 429 is NOT retried here; it becomes a
/// <see cref="TransientStepException"/> carrying Zulip's Retry-After, so the workflow's step retry waits at least that long.
/// Retrying inside the client would hold a Functions worker idle and double-wait with the step policy.
/// </summary>
public sealed class ZulipClient : IZulipClient
{
    /// <summary>The name of the HttpClient this client asks the factory for.</summary>
    public const string HttpClientName = "Zulip";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<ZulipOptions> _options;
    private readonly ILogger<ZulipClient> _logger;
    private readonly MentorMetrics? _metrics;
    private readonly ConcurrentDictionary<string, ZulipUser> _ownUsers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Bot, long User), (ZulipUserInfo? User, DateTimeOffset Until)> _users = new();
    private readonly TimeProvider _time;

    private static readonly TimeSpan UserCacheLifetime = TimeSpan.FromHours(1);

    public ZulipClient(IHttpClientFactory httpClientFactory, IOptions<ZulipOptions> options, ILogger<ZulipClient> logger,
        MentorMetrics? metrics = null, TimeProvider? time = null)
    {
        _metrics = metrics;
        _time = time ?? TimeProvider.System;
        _httpClientFactory = httpClientFactory;
        _options = options;
        _logger = logger;
    }

    public async Task<long> SendDirectMessageAsync(string botEmail, IReadOnlyList<long> userIds, string content, CancellationToken cancellationToken = default)
    {
        ValidateUsers(userIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        if (content.Length > ZulipLimits.DefaultMaxMessageLength)
            throw new ArgumentOutOfRangeException(nameof(content), content.Length, $"A message may hold at most {ZulipLimits.DefaultMaxMessageLength} characters.");

        var form = new Dictionary<string, string>
        {
            ["type"] = "direct",
            ["to"] = JsonIds(userIds),
            ["content"] = content,
        };
        var answer = await SendAsync(botEmail, HttpMethod.Post, "messages", form, ZulipJsonContext.Default.ZulipSendResponse, "send-message", cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Zulip message {MessageId} sent by bot {BotHash} to {Recipients} users", answer.Id, ConversationKey.BotHash(botEmail), userIds.Count);
        return answer.Id;
    }

    public async Task<IReadOnlyList<ZulipMessage>> GetDirectMessagesAsync(string botEmail, IReadOnlyList<long> userIds, int numBefore, CancellationToken cancellationToken = default)
    {
        ValidateUsers(userIds);
        ArgumentOutOfRangeException.ThrowIfNegative(numBefore);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numBefore, ZulipLimits.MaxMessagesPerFetch);

        var narrow = JsonSerializer.Serialize(
            new[] { new ZulipNarrowTerm { Operator = "dm", Operand = userIds.ToArray() } }, ZulipJsonContext.Default.ZulipNarrowTermArray);
        var query = new Dictionary<string, string>
        {
            ["anchor"] = "newest",
            ["num_before"] = numBefore.ToString(CultureInfo.InvariantCulture),
            ["num_after"] = "0",
            ["narrow"] = narrow,
            ["apply_markdown"] = "false",
        };
        var answer = await SendAsync(botEmail, HttpMethod.Get, "messages", query, ZulipJsonContext.Default.ZulipMessagesResponse, "get-messages", cancellationToken).ConfigureAwait(false);
        return answer.Messages
            .OrderBy(m => m.Id)
            .Select(m => new ZulipMessage(m.Id, m.SenderId, m.Content, m.Timestamp))
            .ToArray();
    }

    public async Task SetTypingAsync(string botEmail, IReadOnlyList<long> userIds, TypingOperation operation, CancellationToken cancellationToken = default)
    {
        ValidateUsers(userIds);
        var form = new Dictionary<string, string>
        {
            ["op"] = operation == TypingOperation.Start ? "start" : "stop",
            ["type"] = "direct",
            ["to"] = JsonIds(userIds),
        };
        try
        {
            await SendAsync(botEmail, HttpMethod.Post, "typing", form, ZulipJsonContext.Default.ZulipResponse, "set-typing-status", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ZulipApiException or TransientStepException)
        {
            // Whether bots may send typing notices is unconfirmed; a refusal only costs the cosmetic notice.
            _logger.LogInformation("Typing {Operation} refused for bot {BotHash}: {Error}", operation, ConversationKey.BotHash(botEmail), e.GetType().Name);
        }
    }

    public async Task<ZulipUser> GetOwnUserAsync(string botEmail, CancellationToken cancellationToken = default)
    {
        if (_ownUsers.TryGetValue(botEmail, out var cached))
            return cached;
        var answer = await SendAsync(botEmail, HttpMethod.Get, "users/me", null, ZulipJsonContext.Default.ZulipOwnUserResponse, "get-own-user", cancellationToken).ConfigureAwait(false);
        var user = new ZulipUser(answer.UserId, answer.Email, answer.FullName);
        _ownUsers[botEmail] = user;
        return user;
    }

    public async Task<ZulipUserInfo?> GetUserAsync(string botEmail, long userId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(userId);
        var key = (botEmail.ToLowerInvariant(), userId);
        var now = _time.GetUtcNow();
        if (_users.TryGetValue(key, out var cached) && cached.Until > now)
            return cached.User;
        ZulipUserInfo? user;
        try
        {
            var answer = await SendAsync(botEmail, HttpMethod.Get, "users/" + userId.ToString(CultureInfo.InvariantCulture), null,
                ZulipJsonContext.Default.ZulipUserResponse, "get-user", cancellationToken).ConfigureAwait(false);
            user = new ZulipUserInfo(answer.User.UserId, answer.User.Email, answer.User.FullName, answer.User.IsBot);
        }
        catch (ZulipApiException e) when (e.Status == HttpStatusCode.BadRequest)
        {
            // Zulip answers an unknown (or deactivated and hidden) user id with 400 "No such user".
            user = null;
        }
        _users[key] = (user, now + UserCacheLifetime);
        return user;
    }

    private async Task<T> SendAsync<T>(
        string botEmail, HttpMethod method, string path, Dictionary<string, string>? parameters, JsonTypeInfo<T> typeInfo,
        string operation, CancellationToken cancellationToken)
    {
        var bot = _options.Value.FindBot(botEmail) ?? throw new UnknownBotException(botEmail);
        var uri = new Uri(new Uri(bot.Site.AbsoluteUri.TrimEnd('/') + "/api/v1/"), path);
        using var request = new HttpRequestMessage(method, uri);
        if (parameters is not null)
        {
            if (method == HttpMethod.Get)
                request.RequestUri = new Uri(uri + "?" + string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));
            else
                request.Content = new FormUrlEncodedContent(parameters);
        }
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{bot.Email}:{bot.ApiKey}")));

        var http = _httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientStepException($"Zulip {operation} timed out", null, e);
        }
        catch (HttpRequestException e)
        {
            throw new TransientStepException($"Zulip {operation} could not be reached", null, e);
        }

        using (response)
        {
            var status = response.StatusCode;
            if (status == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = RetryAfter(response, body);
                _metrics?.ZulipRateLimit(operation, retryAfter);
                _logger.LogWarning("Zulip {Operation} rate-limited for bot {BotHash}; retry after {RetryAfter}", operation, ConversationKey.BotHash(botEmail), retryAfter);
                throw new TransientStepException($"Zulip {operation} rate-limited", retryAfter);
            }
            if ((int)status >= 500)
                throw new TransientStepException($"Zulip {operation} failed with {(int)status}", RetryAfter(response, body));

            var envelope = TryParse(body, ZulipJsonContext.Default.ZulipResponse);
            if (!response.IsSuccessStatusCode || envelope?.Result != "success")
                throw new ZulipApiException(status, envelope?.Code ?? "", envelope?.Msg ?? $"unexpected answer to {operation}");

            return TryParse(body, typeInfo) ?? throw new ZulipApiException(status, "", $"unreadable answer to {operation}");
        }
    }

    private static T? TryParse<T>(string body, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>Retry-After from the header (seconds or a date) or Zulip's fractional <c>retry-after</c> body field.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, string body)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta;
        if (header?.Date is { } date)
            return date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        // Fractional seconds ("0.5") do not parse as a standard Retry-After; read the raw header and the body.
        if (response.Headers.TryGetValues("Retry-After", out var raw)
            && double.TryParse(raw.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        if (TryParse(body, ZulipJsonContext.Default.ZulipResponse)?.RetryAfter is { } fromBody && fromBody >= 0)
            return TimeSpan.FromSeconds(fromBody);
        return null;
    }

    private static string JsonIds(IReadOnlyList<long> ids) =>
        JsonSerializer.Serialize(ids.ToArray(), ZulipJsonContext.Default.Int64Array);

    private static void ValidateUsers(IReadOnlyList<long> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count == 0 || userIds.Any(id => id <= 0))
            throw new ArgumentException("A direct message names at least one user, by positive id.", nameof(userIds));
    }
}
