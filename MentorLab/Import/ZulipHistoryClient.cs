using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MentorLab.Cli;
using MentorLab.Export;

namespace MentorLab.Import;

/// <summary>One page of a conversation: its messages in id order, and whether it reached the newest message.</summary>
public sealed record HistoryPage(IReadOnlyList<ExportMessage> Messages, bool FoundNewest);

/// <summary>
/// Reads a mentor's own direct messages with one student through <c>GET /api/v1/messages</c>, authenticated as the
/// mentor (their zuliprc). Pages run oldest first: <c>anchor=oldest</c>, then <c>anchor=&lt;last id read&gt;</c> with
/// <c>include_anchor=false</c>, <c>num_after</c> = the page size. Oldest first because learning must see a conversation
/// in order (a reply's latency needs the student's message before it), so each page is learned as it arrives and the
/// checkpoint is one id per conversation; newest first would hold the whole history before learning anything.
/// A 429 is waited out (Retry-After, else the body's retry-after), as is an exhausted budget (X-RateLimit-Remaining 0
/// until X-RateLimit-Reset), each up to <see cref="MaxWait"/>; longer, the import stops, resumable.
/// </summary>
public sealed class ZulipHistoryClient(HttpClient http, Zuliprc account, LabConsole console)
{
    public const int MaxPageSize = 1000;
    private const int ServerErrorAttempts = 3;

    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many 429s were waited out, and for how long in all (for the summary).</summary>
    public int RateLimitWaits { get; private set; }
    public TimeSpan Waited { get; private set; }
    public int Requests { get; private set; }

    public async Task<(long Id, string Email)> OwnUserAsync(CancellationToken ct)
    {
        using var doc = await GetAsync("users/me", ct).ConfigureAwait(false);
        var root = doc.RootElement;
        if (!root.TryGetProperty("user_id", out var id) || !id.TryGetInt64(out var userId))
            throw new ImportException("Zulip's GET /users/me answer has no user_id.", resumable: false);
        return (userId, root.TryGetProperty("email", out var e) ? e.GetString() ?? account.Email : account.Email);
    }

    /// <summary>The next page of the 1:1 conversation with <paramref name="studentId"/>, after <paramref name="afterId"/> (null: from the oldest).</summary>
    public async Task<HistoryPage> PageAsync(long studentId, long? afterId, int pageSize, CancellationToken ct)
    {
        var query = new List<(string, string)>
        {
            ("anchor", afterId is { } id ? id.ToString(CultureInfo.InvariantCulture) : "oldest"),
            ("num_before", "0"),
            ("num_after", Math.Clamp(pageSize, 1, MaxPageSize).ToString(CultureInfo.InvariantCulture)),
            ("narrow", $$"""[{"operator":"dm","operand":[{{studentId.ToString(CultureInfo.InvariantCulture)}}]}]"""),
            ("apply_markdown", "false"),
        };
        if (afterId is not null) query.Insert(1, ("include_anchor", "false"));
        var path = "messages?" + string.Join('&', query.Select(q => q.Item1 + "=" + Uri.EscapeDataString(q.Item2)));
        using var doc = await GetAsync(path, ct).ConfigureAwait(false);
        var root = doc.RootElement;
        if (!root.TryGetProperty("messages", out var messages))
            throw new ImportException("Zulip's GET /messages answer has no messages.", resumable: true);
        var list = ZulipExportReader.ReadMessages(messages, $"GET /messages (conversation with {studentId})");
        // With include_anchor=false the anchor is not repeated; a server that repeats it anyway must not count it twice.
        if (afterId is { } after) list.RemoveAll(m => m.Id <= after);
        var foundNewest = root.TryGetProperty("found_newest", out var f) && f.ValueKind == JsonValueKind.True;
        return new HistoryPage(list, foundNewest || list.Count == 0);
    }

    private async Task<JsonDocument> GetAsync(string relative, CancellationToken ct)
    {
        var uri = new Uri(new Uri(account.Site, "/api/v1/"), relative);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(account.Email + ":" + account.Key)));
            HttpResponseMessage response;
            try
            {
                Requests++;
                response = await http.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                if (attempt >= ServerErrorAttempts) throw new ImportException($"Zulip at {account.Site} cannot be reached ({e.Message}).", resumable: true, e);
                await WaitAsync(TimeSpan.FromSeconds(attempt), ct).ConfigureAwait(false);
                continue;
            }
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var wait = RetryAfter(response, body) ?? TimeSpan.FromSeconds(1);
                    if (wait > MaxWait)
                        throw new ImportException($"Zulip asks to wait {wait.TotalSeconds:F0} s (rate limit), longer than --max-wait {MaxWait.TotalSeconds:F0} s.", resumable: true);
                    RateLimitWaits++;
                    console.Note(FormattableString.Invariant($"rate-limited by Zulip; waiting {wait.TotalSeconds:F1} s as it asks"));
                    await WaitAsync(wait, ct).ConfigureAwait(false);
                    continue;
                }
                if ((int)response.StatusCode >= 500)
                {
                    if (attempt >= ServerErrorAttempts) throw new ImportException($"Zulip answered {(int)response.StatusCode} {attempt} times.", resumable: true);
                    await WaitAsync(TimeSpan.FromSeconds(attempt), ct).ConfigureAwait(false);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                    throw new ImportException($"Zulip refused GET /{relative.Split('?')[0]} ({(int)response.StatusCode}: {ErrorMessage(body)}).", resumable: false);
                await HonourBudgetAsync(response, ct).ConfigureAwait(false);
                try
                {
                    return JsonDocument.Parse(body);
                }
                catch (JsonException e)
                {
                    throw new ImportException("Zulip's answer is not JSON.", resumable: true, e);
                }
            }
        }
    }

    /// <summary>When the budget is spent (X-RateLimit-Remaining 0), waits until X-RateLimit-Reset rather than meet a 429.</summary>
    private async Task HonourBudgetAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (Header(response, "X-RateLimit-Remaining") is not { } remaining || remaining > 0) return;
        if (Header(response, "X-RateLimit-Reset") is not { } reset) return;
        var wait = DateTimeOffset.FromUnixTimeSeconds((long)reset) - DateTimeOffset.UtcNow;
        if (wait <= TimeSpan.Zero) return;
        if (wait > MaxWait) wait = MaxWait;
        console.Note(FormattableString.Invariant($"Zulip's request budget is spent; waiting {wait.TotalSeconds:F0} s for it to reset"));
        await WaitAsync(wait, ct).ConfigureAwait(false);
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken ct)
    {
        Waited += wait;
        await Task.Delay(wait, ct).ConfigureAwait(false);
    }

    private static double? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>Retry-After in seconds (Zulip may send a fraction) or as a date; else the body's retry-after.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, string body)
    {
        if (Header(response, "Retry-After") is { } seconds && seconds >= 0) return TimeSpan.FromSeconds(seconds);
        if (response.Headers.RetryAfter?.Date is { } date) return date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("retry-after", out var r) && r.TryGetDouble(out var s) && s >= 0) return TimeSpan.FromSeconds(s);
        }
        catch (JsonException)
        {
            // Not JSON: no hint.
        }
        return null;
    }

    private static string ErrorMessage(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("msg", out var msg) ? msg.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "not a Zulip answer";
        }
    }
}
