using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorFunctions.Tests.Fixtures;
using Xunit.Abstractions;

namespace MentorFunctions.Tests.EndToEnd;

/// <summary>
/// Bad input against the real intake (registry on Azurite): 12,000 bodies made by mutating valid payloads (byte flips,
/// truncation, type swaps, deletions, huge values, deep nesting, duplicated keys) and a share of random JSON and noise.
/// Every answer must be a 2xx or 4xx with a JSON body; no 5xx, no exception out of the intake.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IntakeFuzzTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Cases = 12_000;
    private const int Callers = 8;

    [Fact]
    public async Task Twelve_thousand_malformed_bodies_get_a_typed_4xx_or_a_2xx_never_a_5xx_or_an_exception()
    {
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await using var app = new MentorApp(azurite, start);
        var programme = ScriptedProgramme.Generate(1, targetMessages: 20);
        await ProgrammeDriver.RegisterMentorsAsync(app, programme);
        var ana = new MentorApp.User(101, "ana@mentoring.example.com", "Ana Lima");
        var sam = new MentorApp.User(201, "sam@mentoring.example.com", "Sam Park");
        byte[][] seeds =
        [
            MentorApp.GroupDmPayload(7001, sam, [sam, ana], "I'm stuck on recursion, can you help?", start),
            MentorApp.GroupDmPayload(7002, ana, [ana, sam], "Hey! check the loop bounds 🙂", start),
            MentorApp.GroupDmPayload(7003, ana, [ana], "status", start),
            MentorApp.GroupDmPayload(7004, sam, [sam], "help", start),
        ];

        var statuses = new ConcurrentDictionary<int, int>();
        var kinds = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Cases)
            {
                var random = new Random(1000 + i); // each case reproducible from its index
                var (kind, body, contentType) = Mutate(random, seeds[random.Next(seeds.Length)]);
                kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
                try
                {
                    var outcome = await app.Intake.HandleAsync(body, contentType, CancellationToken.None);
                    statuses.AddOrUpdate(outcome.StatusCode, 1, (_, n) => n + 1);
                    if (outcome.StatusCode is < 200 or >= 500 or (>= 300 and < 400))
                        failures.Enqueue($"case {i} ({kind}): status {outcome.StatusCode} {outcome.ResponseJson}");
                    else if (!IsJson(outcome.ResponseJson))
                        failures.Enqueue($"case {i} ({kind}): body is not JSON");
                    // What reaches the workflow must be a well-formed conversation: two distinct users, one of them the sender.
                    else if (outcome is { Conversation: { } c, Message: { } m }
                             && (c.MentorId <= 0 || c.StudentId <= 0 || c.MentorId == c.StudentId || (m.SenderId != c.MentorId && m.SenderId != c.StudentId)))
                        failures.Enqueue($"case {i} ({kind}): accepted an ill-formed conversation {c.MentorId}/{c.StudentId} from {m.SenderId}");
                }
                catch (Exception e)
                {
                    failures.Enqueue($"case {i} ({kind}): {e.GetType().Name}: {e.Message}");
                }
            }
        })));

        output.WriteLine($"Fuzz: {Cases} bodies in {clock.Elapsed.TotalSeconds:F1} s; by status: " +
                         string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} ×{s.Value}")));
        output.WriteLine("By mutation: " + string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} ×{k.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers, e.g. " + string.Join(" | ", failures.Take(5)));
        Assert.Equal(Cases, statuses.Values.Sum());
        // The mutations reach past the parser: some are still accepted, most are refused with a typed error.
        Assert.True(statuses.GetValueOrDefault(200) > 100);
        Assert.True(statuses.GetValueOrDefault(400) > 1000);
    }

    /// <summary>
    /// Found by the fuzzing above: a non-positive recipient id was enrolled as a student, and a sender whose id matched
    /// only the bot's recipient entry was taken as the student; both then failed in the record step (the profile store
    /// refuses such messages), so the workflow saw a conversation that could never be learned from.
    /// </summary>
    [Theory]
    [InlineData("student id 0", 0L, 101L)]
    [InlineData("student id negative", -5L, 101L)]
    [InlineData("sender is the bot's entry", 202L, MentorApp.BotId)]
    public async Task Ill_formed_group_DMs_are_refused_or_ignored_never_handed_to_the_workflow(string name, long studentId, long senderId)
    {
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await using var app = new MentorApp(azurite, start);
        await ProgrammeDriver.RegisterMentorsAsync(app, ScriptedProgramme.Generate(1, targetMessages: 20));
        var ana = new MentorApp.User(101, "ana@mentoring.example.com", "Ana Lima");
        var student = new MentorApp.User(studentId, "odd@mentoring.example.com", "Odd Student");
        var root = JsonNode.Parse(MentorApp.GroupDmPayload(7100, student, [student, ana], "hello", start))!;
        root["message"]!["sender_id"] = senderId;

        var outcome = await app.Intake.HandleAsync(Encoding.UTF8.GetBytes(root.ToJsonString()), "application/json", CancellationToken.None);

        Assert.NotEqual(MentorFunctions.Core.Intake.IntakeKind.Conversation, outcome.Kind);
        Assert.InRange(outcome.StatusCode, 200, 499);
        Assert.Empty(await app.Registry.ListStudentsAsync(MentorApp.Bot, ana.Id));
        output.WriteLine($"{name}: {outcome.StatusCode} {outcome.Kind} {outcome.IgnoreReason} {outcome.Error?.Message}");
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static (string Kind, byte[] Body, string ContentType) Mutate(Random random, byte[] seed)
    {
        const string json = "application/json";
        switch (random.Next(12))
        {
            case 0:
            {
                var bytes = (byte[])seed.Clone();
                for (var k = 1 + random.Next(8); k > 0; k--) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return ("byte flips", bytes, json);
            }
            case 1:
                return ("truncation", seed[..random.Next(seed.Length)], json);
            case 2:
            {
                var root = JsonNode.Parse(seed)!;
                var (parent, key) = PickNode(random, root);
                SetChild(parent, key, RandomValue(random, depth: 1));
                return ("type swap", Encoding.UTF8.GetBytes(root.ToJsonString()), json);
            }
            case 3:
            {
                var root = JsonNode.Parse(seed)!;
                var (parent, key) = PickNode(random, root);
                if (parent is JsonObject o) o.Remove((string)key);
                else ((JsonArray)parent).RemoveAt((int)key);
                return ("deletion", Encoding.UTF8.GetBytes(root.ToJsonString()), json);
            }
            case 4:
            {
                var root = JsonNode.Parse(seed)!;
                var (parent, key) = PickNode(random, root);
                JsonNode huge = random.Next(4) switch
                {
                    0 => new string('x', random.Next(2) == 0 ? 20_000 : 300_000),
                    1 => JsonValue.Create(random.Next(2) == 0 ? long.MaxValue : long.MinValue),
                    2 => JsonValue.Create(double.MaxValue),
                    _ => new JsonArray(Enumerable.Range(0, 5000).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
                };
                SetChild(parent, key, huge);
                return ("huge value", Encoding.UTF8.GetBytes(root.ToJsonString()), json);
            }
            case 5:
            {
                // Raw text edits JSON nodes cannot express: huge numbers, deep nesting, duplicate keys, bad escapes.
                var text = Encoding.UTF8.GetString(seed);
                text = random.Next(4) switch
                {
                    0 => text.Replace("\"id\":7", "\"id\":1" + new string('9', 400) + "7", StringComparison.Ordinal),
                    1 => text.Replace("\"data\":", "\"data\":" + new string('[', 5000) + new string(']', 5000) + ",\"d2\":", StringComparison.Ordinal),
                    2 => "{\"token\":\"x\"," + text[1..],
                    _ => text.Replace("\"content\":\"", "\"content\":\"\\ud800\\uZZZZ", StringComparison.Ordinal),
                };
                return ("raw edit", Encoding.UTF8.GetBytes(text), json);
            }
            case 6:
                return ("random JSON", Encoding.UTF8.GetBytes(RandomValue(random, depth: 0)?.ToJsonString() ?? "null"), json);
            case 7:
            {
                var bytes = new byte[random.Next(0, 2000)];
                random.NextBytes(bytes);
                return ("noise", bytes, json);
            }
            case 8:
            {
                string[] types = ["text/plain", "application/x-www-form-urlencoded", "", "application/json; charset=latin1", "application/xml"];
                return ("content type", seed, types[random.Next(types.Length)]);
            }
            case 9:
            {
                // Several mutations on top of each other.
                var (_, once, _) = Mutate(random, seed);
                try
                {
                    return ("stacked", Mutate(random, once).Body, json);
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or NullReferenceException or InvalidCastException or IndexOutOfRangeException)
                {
                    // The first mutation left no shape for the second one to work on (not JSON, no object): keep it.
                    return ("stacked", once, json);
                }
            }
            case 10:
            {
                var text = Encoding.UTF8.GetString(seed);
                string[] swaps = ["\"private\"", "\"stream\"", "\"unknown\"", "null", "42", "[]", "{}", "\"\"", "-1", "true"];
                var fields = new[] { "\"type\":\"private\"", "\"trigger\":\"direct_message\"", "\"token\":\"" + MentorApp.Token + "\"", "\"bot_email\":\"" + MentorApp.Bot + "\"" };
                var field = fields[random.Next(fields.Length)];
                var name = field[..(field.IndexOf(':') + 1)];
                return ("field value", Encoding.UTF8.GetBytes(text.Replace(field, name + swaps[random.Next(swaps.Length)], StringComparison.Ordinal)), json);
            }
            default:
            {
                // Valid shape, hostile ids: zero, negative, the bot as sender, the same user twice.
                var root = JsonNode.Parse(seed)!.AsObject();
                var message = root["message"]!.AsObject();
                long[] ids = [0, -5, MentorApp.BotId, 101, 201, long.MaxValue];
                message["sender_id"] = ids[random.Next(ids.Length)];
                var recipients = message["display_recipient"]!.AsArray();
                recipients[random.Next(recipients.Count)]!["id"] = ids[random.Next(ids.Length)];
                return ("hostile ids", Encoding.UTF8.GetBytes(root.ToJsonString()), json);
            }
        }
    }

    /// <summary>A random node below the root, as its parent and its key (property name or index).</summary>
    private static (JsonNode Parent, object Key) PickNode(Random random, JsonNode root)
    {
        var candidates = new List<(JsonNode, object)>();
        void Walk(JsonNode node)
        {
            if (node is JsonObject o)
                foreach (var (k, v) in o) { candidates.Add((o, k)); if (v is not null) Walk(v); }
            else if (node is JsonArray a)
                for (var i = 0; i < a.Count; i++) { candidates.Add((a, i)); if (a[i] is { } v) Walk(v); }
        }
        Walk(root);
        return candidates[random.Next(candidates.Count)];
    }

    private static void SetChild(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject o) o[(string)key] = value;
        else ((JsonArray)parent)[(int)key] = value;
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 2 ? 6 : 8) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.Next(-1000, 1000)),
        3 => JsonValue.Create(random.NextDouble() * 1e12),
        4 => JsonValue.Create(new string((char)random.Next(32, 0x3000), random.Next(0, 30))),
        5 => JsonValue.Create(""),
        6 => new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1)).ToArray()),
        _ => new JsonObject(Enumerable.Range(0, random.Next(4)).Select(k => KeyValuePair.Create(
            k == 0 && random.Next(3) == 0 ? "message" : "k" + k, RandomValue(random, depth + 1)))),
    };
}
