using MentorFunctions.Core.Languages;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Consent;
using MentorFunctions.Core.Intake;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Zulip;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Tests.Intake;

/// <summary>The recorded payloads in TestData/Intake and the bot configuration they were made for.</summary>
internal static partial class IntakeTestData
{
    public const string BotEmail = "mentor-bot@zulip.example.com";
    public const string BotName = "Mentor Stand-in";
    public const string Token = "k3Jd9sLq0PzX7vNw2YbR5tUe8AcMfGhQ";
    public const long BotId = 30, MentorId = 10, StudentId = 20;

    public static readonly string[] ValidPayloads =
        ["channel-mention.json", "direct-message.json", "group-dm.json", "legacy-private-message.json"];

    public static string Dir => Path.Combine(AppContext.BaseDirectory, "TestData", "Intake");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Dir, name));

    public static JsonObject Node(string name) => JsonNode.Parse(Bytes(name))!.AsObject();

    public static byte[] ToBytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    public static ZulipOptions Options(bool autoEnrol = true) => new()
    {
        Bots =
        [
            new ZulipBotOptions
            {
                Site = new Uri("https://mentoring.zulip.example.com"),
                Email = BotEmail,
                ApiKey = "not-used-here",
                WebhookToken = Token,
                AutoEnrolStudents = autoEnrol,
            },
            // Misconfigured on purpose: an empty token must never let anything in.
            new ZulipBotOptions
            {
                Site = new Uri("https://other.zulip.example.com"),
                Email = "tokenless-bot@zulip.example.com",
                ApiKey = "not-used-here",
                WebhookToken = "",
            },
        ],
    };

    public static WebhookIntake CreateIntake(IMentorRegistry registry, ICommandHandler? commands = null, bool autoEnrol = true,
        TimeProvider? time = null, PairConsent? consent = null) =>
        new(new FixedOptionsMonitor<ZulipOptions>(Options(autoEnrol)), registry, commands ?? new HelpCommandHandler(),
            consent ?? UnreachableConsent(registry), time ?? TimeProvider.System, NullLogger<WebhookIntake>.Instance);

    /// <summary>
    /// Consent against a real consent table and the loopback Zulip (standing in for the organisation's user directory).
    /// </summary>
    public static PairConsent Consent(IMentorRegistry registry, TableStore tables, Fixtures.Loopback.LoopbackZulipServer zulip, TimeProvider time)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new ZulipOptions
        {
            Bots = [new ZulipBotOptions { Site = zulip.Site, Email = zulip.BotEmail, ApiKey = zulip.ApiKey, WebhookToken = Token }],
        });
        var client = new ZulipClient(new PlainHttpClientFactory(), options, NullLogger<ZulipClient>.Instance, time: time);
        return new PairConsent(registry, new ConsentStore(tables), client, new MentorLanguages(NullLogger<MentorLanguages>.Instance), time, NullLogger<PairConsent>.Instance);
    }

    /// <summary>For tests that never reach a consent decision: any use fails loudly (no bot, no storage).</summary>
    private static PairConsent UnreachableConsent(IMentorRegistry registry) => new(
        registry, new ConsentStore(new TableStore(new Azure.Data.Tables.TableServiceClient("UseDevelopmentStorage=true"), "unused")),
        new ZulipClient(new PlainHttpClientFactory(), Microsoft.Extensions.Options.Options.Create(new ZulipOptions()), NullLogger<ZulipClient>.Instance),
        new MentorLanguages(NullLogger<MentorLanguages>.Instance), TimeProvider.System, NullLogger<PairConsent>.Instance);

    private sealed class PlainHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new() { Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>Applies ["remove", path] / ["set", path, rawJson] to a payload; paths look like "message.display_recipient[1].id".</summary>
    public static void Apply(JsonObject root, JsonArray ops)
    {
        foreach (var op in ops)
        {
            var kind = op![0]!.GetValue<string>();
            var path = op[1]!.GetValue<string>();
            var (parent, last) = Walk(root, path);
            var value = kind == "set" ? JsonNode.Parse(op[2]!.GetValue<string>()) : null;
            switch (parent, last)
            {
                case (JsonObject o, string name) when kind == "remove":
                    Assert.True(o.Remove(name), $"nothing to remove at {path}");
                    break;
                case (JsonObject o, string name):
                    o[name] = value;
                    break;
                case (JsonArray a, int index) when kind == "remove":
                    a.RemoveAt(index);
                    break;
                case (JsonArray a, int index):
                    a[index] = value;
                    break;
            }
        }
    }

    private static (JsonNode Parent, object Last) Walk(JsonObject root, string path)
    {
        var steps = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var m = StepPattern().Match(part);
            steps.Add(m.Groups[1].Value);
            foreach (Capture index in m.Groups[2].Captures)
                steps.Add(int.Parse(index.Value));
        }
        JsonNode node = root;
        for (var i = 0; i < steps.Count - 1; i++)
            node = steps[i] is string name ? node[name]! : node[(int)steps[i]]!;
        return (node, steps[^1]);
    }

    [GeneratedRegex(@"^([^\[]+)(?:\[(\d+)\])*$")]
    private static partial Regex StepPattern();
}

/// <summary>A fixed options value for the monitor the intake reads.</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;
    public T Get(string? name) => value;
    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

/// <summary>For paths that must never touch storage: any call fails the test.</summary>
internal sealed class UnreachableRegistry : IMentorRegistry
{
    private static Exception Fail() => new Xunit.Sdk.XunitException("The registry must not be consulted here.");
    public Task<MentorRecord?> GetMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) => throw Fail();
    public Task<MentorRecord?> UpdateMentorAsync(string botEmail, long mentorId, Func<MentorRecord?, MentorRecord?> change, CancellationToken cancellationToken = default) => throw Fail();
    public Task<bool> RemoveMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) => throw Fail();
    public Task<IReadOnlyList<MentorRecord>> ListMentorsAsync(string botEmail, CancellationToken cancellationToken = default) => throw Fail();
    public Task<PairRecord?> GetPairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default) => throw Fail();
    public Task<PairRecord> EnrolAsync(PairRecord pair, CancellationToken cancellationToken = default) => throw Fail();
    public Task<bool> RemovePairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default) => throw Fail();
    public Task<IReadOnlyList<PairRecord>> ListStudentsAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) => throw Fail();
    public Task<IReadOnlyList<PairRecord>> ListMentorsOfStudentAsync(string botEmail, long studentId, CancellationToken cancellationToken = default) => throw Fail();
}

/// <summary>Records the requests it gets and answers with a fixed reply (or throws).</summary>
internal sealed class RecordingCommandHandler(Func<CommandRequest, CommandReply> answer) : ICommandHandler
{
    public List<CommandRequest> Requests { get; } = [];

    public Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(answer(request));
    }
}

internal static class JsonAssert
{
    public static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
