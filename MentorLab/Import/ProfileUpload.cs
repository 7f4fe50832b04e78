using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;

namespace MentorLab.Import;

/// <summary>The consent an import is uploaded with (the admin route stores it, and lists it in the audit trail).</summary>
public sealed record ImportConsent(string GrantedBy, DateTimeOffset GrantedAt, IReadOnlyList<long> Conversations, long Messages, string Source, bool Exemplars);

/// <summary>
/// The admin route's request bodies for an import, and the calls to the Functions app (its admin key in the
/// x-functions-key header, never in a URL). Only learned profiles travel: numbers, and exemplars (short messages of
/// the mentor) only with the mentor's consent. A body is at most 64 KB: pair profiles that do not fit go in further
/// bodies (import id "-2", "-3", …) with an empty mentor profile, each with the same consent.
/// </summary>
public static class ProfileUpload
{
    public const int MaxBodyBytes = 64 * 1024;

    public static List<string> Bodies(string importId, StyleProfile mentor, IReadOnlyDictionary<long, StyleProfile> pairs, ImportConsent consent)
    {
        if (!consent.Exemplars)
        {
            mentor.Exemplars.Clear();
            foreach (var p in pairs.Values) p.Exemplars.Clear();
        }
        var bodies = new List<string>();
        var pending = pairs.OrderBy(p => p.Key).ToList();
        var profile = mentor;
        do
        {
            var id = bodies.Count == 0 ? importId : importId + "-" + (bodies.Count + 1).ToString(CultureInfo.InvariantCulture);
            var body = Body(id, profile, [], consent);
            var taken = new List<KeyValuePair<long, StyleProfile>>();
            foreach (var p in pending)
            {
                var candidate = Body(id, profile, taken.Append(p), consent);
                if (Encoding.UTF8.GetByteCount(candidate) > MaxBodyBytes) break;
                taken.Add(p);
                body = candidate;
            }
            if (taken.Count == 0 && pending.Count > 0 && bodies.Count > 0)
                throw new ImportException($"The profile of the conversation with {pending[0].Key} alone is over {MaxBodyBytes / 1024} KB.", resumable: false);
            pending.RemoveRange(0, taken.Count);
            bodies.Add(body);
            profile = new StyleProfile();
        }
        while (pending.Count > 0);
        return bodies;
    }

    private static string Body(string importId, StyleProfile mentor, IEnumerable<KeyValuePair<long, StyleProfile>> pairs, ImportConsent consent)
    {
        var pairsNode = new JsonObject();
        foreach (var (student, pair) in pairs)
            pairsNode[student.ToString(CultureInfo.InvariantCulture)] = JsonNode.Parse(ProfileCodec.SerializeJson(pair));
        return new JsonObject
        {
            ["importId"] = importId,
            ["profile"] = JsonNode.Parse(ProfileCodec.SerializeJson(mentor)),
            ["pairs"] = pairsNode,
            ["consent"] = new JsonObject
            {
                ["grantedBy"] = consent.GrantedBy,
                ["grantedAt"] = consent.GrantedAt.ToString("O", CultureInfo.InvariantCulture),
                ["conversations"] = new JsonArray(consent.Conversations.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
                ["messages"] = consent.Messages,
                ["source"] = consent.Source,
                ["exemplars"] = consent.Exemplars,
            },
        }.ToJsonString();
    }

    /// <summary>POSTs one body to the admin route; returns the app's answer (201 merged, 200 merged before).</summary>
    public static async Task<string> SendAsync(HttpClient http, Uri app, string adminKey, string bot, long mentorId, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AdminUri(app, $"bots/{Uri.EscapeDataString(bot)}/mentors/{mentorId}/profile/import"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-functions-key", adminKey);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        var answer = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new ImportException($"The app refused the upload ({(int)response.StatusCode}): {answer}", resumable: true);
        return answer;
    }

    /// <summary>The mentor's registered students (GET …/mentors/{mentorId}/students), for --registered.</summary>
    public static async Task<List<long>> RegisteredStudentsAsync(HttpClient http, Uri app, string adminKey, string bot, long mentorId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, AdminUri(app, $"bots/{Uri.EscapeDataString(bot)}/mentors/{mentorId}/students"));
        request.Headers.Add("x-functions-key", adminKey);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        var answer = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new ImportException($"The app did not list the mentor's students ({(int)response.StatusCode}): {answer}", resumable: false);
        using var doc = JsonDocument.Parse(answer);
        return doc.RootElement.GetProperty("students").EnumerateArray().Select(s => s.GetProperty("studentId").GetInt64()).ToList();
    }

    private static Uri AdminUri(Uri app, string route) => new(new Uri(app, "/api/mentoring/"), route);
}
