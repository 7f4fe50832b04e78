using System.Text;
using BenchmarkDotNet.Attributes;
using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Consent;
using MentorFunctions.Core.Intake;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Zulip;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Benchmarks;

/// <summary>
/// Parse + authenticate + classify one ~2 KB group-DM payload from UTF-8 bytes, with an in-memory registry so the
/// figure is the intake's own cost, not storage's.
/// </summary>
[MemoryDiagnoser]
public class IntakeBenchmarks
{
    private const string BotEmail = "mentor-bot@zulip.example.com";
    private const string Token = "k3Jd9sLq0PzX7vNw2YbR5tUe8AcMfGhQ";

    private WebhookIntake _intake = null!;
    private byte[] _groupDm = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new ZulipOptions
        {
            Bots = [new ZulipBotOptions { Site = new Uri("https://z.example.com"), Email = BotEmail, ApiKey = "k", WebhookToken = Token }],
        };
        var registry = new InMemoryMentorRegistry();
        registry.UpsertMentorAsync(new MentorRecord(BotEmail, 10, "ada@zulip.example.com", "Ada Mentor", DateTimeOffset.UnixEpoch)).Wait();
        registry.EnrolAsync(new PairRecord(BotEmail, 10, 20, "sam@zulip.example.com", "Sam Student", DateTimeOffset.UnixEpoch, EnrolmentSource.Admin)).Wait();
        // The benchmark's pair exists, so consent is never consulted: its storage and Zulip are never reached.
        var consent = new PairConsent(registry,
            new ConsentStore(new TableStore(new Azure.Data.Tables.TableServiceClient("UseDevelopmentStorage=true"), "unused")),
            new ZulipClient(new NoHttp(), Options.Create(options), NullLogger<ZulipClient>.Instance),
            new MentorFunctions.Core.Languages.MentorLanguages(NullLogger<MentorFunctions.Core.Languages.MentorLanguages>.Instance), TimeProvider.System, NullLogger<PairConsent>.Instance);
        _intake = new WebhookIntake(new FixedMonitor(options), registry, new HelpCommandHandler(), consent, TimeProvider.System,
            NullLogger<WebhookIntake>.Instance);
        _groupDm = Encoding.UTF8.GetBytes(GroupDmPayload);
        var outcome = _intake.HandleAsync(_groupDm, "application/json", CancellationToken.None).GetAwaiter().GetResult();
        if (outcome.Kind != IntakeKind.Conversation)
            throw new InvalidOperationException($"The benchmark payload must be a conversation message, got {outcome.Kind}.");
    }

    [Benchmark]
    public Task<WebhookOutcome> GroupDm() => _intake.HandleAsync(_groupDm, "application/json; charset=utf-8", CancellationToken.None);

    // The same shape as MentorFunctions.Tests/TestData/Intake/group-dm.json (about 2.3 KB).
    private const string GroupDmPayload = """
        {"bot_email":"mentor-bot@zulip.example.com","bot_full_name":"Mentor Stand-in",
         "data":"Hi Ada, I'm stuck on the recursion exercise from Tuesday. My `fib` function works for small n but takes forever for n = 40, and I don't understand why. I tried adding a print statement and it seems to call itself the same numbers over and over again. Is that expected? Here is what I have:\n\n```python\ndef fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n```\n\nShould I be using a loop instead, or is there a way to keep it recursive and make it faster? Thanks a lot!",
         "token":"k3Jd9sLq0PzX7vNw2YbR5tUe8AcMfGhQ","trigger":"direct_message",
         "message":{"avatar_url":"https://secure.gravatar.com/avatar/6a7f1c0e5b3d?d=identicon&version=1","client":"website",
          "content_type":"text/x-markdown","is_me_message":false,
          "reactions":[{"emoji_name":"thinking","emoji_code":"1f914","reaction_type":"unicode_emoji","user_id":10}],
          "submessages":[],"topic_links":[],"sender_realm_str":"mentoring","id":4711,"sender_id":20,
          "sender_email":"sam@zulip.example.com","sender_full_name":"Sam Student",
          "content":"Hi Ada, I'm stuck on the recursion exercise from Tuesday. My `fib` function works for small n but takes forever for n = 40, and I don't understand why. I tried adding a print statement and it seems to call itself the same numbers over and over again. Is that expected? Here is what I have:\n\n```python\ndef fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n```\n\nShould I be using a loop instead, or is there a way to keep it recursive and make it faster? Thanks a lot!",
          "rendered_content":"<p>Hi Ada, I'm stuck on the recursion exercise from Tuesday. My <code>fib</code> function works for small n but takes forever for n = 40, and I don't understand why.</p>\n<div class=\"codehilite\"><pre><span></span><code>def fib(n): ...</code></pre></div>",
          "timestamp":1740823200,"type":"private",
          "display_recipient":[{"id":10,"email":"ada@zulip.example.com","full_name":"Ada Mentor","is_mirror_dummy":false},
           {"id":20,"email":"sam@zulip.example.com","full_name":"Sam Student","is_mirror_dummy":false},
           {"id":30,"email":"mentor-bot@zulip.example.com","full_name":"Mentor Stand-in","is_mirror_dummy":false}],
          "recipient_id":88,"subject":""}}
        """;

    private sealed class FixedMonitor(ZulipOptions value) : IOptionsMonitor<ZulipOptions>
    {
        public ZulipOptions CurrentValue => value;
        public ZulipOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<ZulipOptions, string?> listener) => null;
    }
}

/// <summary>A dictionary-backed registry for measuring the intake alone (completes synchronously, like a warm cache).</summary>
internal sealed class InMemoryMentorRegistry : IMentorRegistry
{
    private readonly Dictionary<(string, long), MentorRecord> _mentors = [];
    private readonly Dictionary<(string, long, long), PairRecord> _pairs = [];

    private static string Bot(string email) => TableKeys.Bot(email);

    public Task<MentorRecord?> GetMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_mentors.GetValueOrDefault((Bot(botEmail), mentorId)));

    public Task UpsertMentorAsync(MentorRecord mentor, CancellationToken cancellationToken = default)
    {
        _mentors[(Bot(mentor.BotEmail), mentor.UserId)] = mentor;
        return Task.CompletedTask;
    }

    public Task<MentorRecord?> UpdateMentorAsync(string botEmail, long mentorId, Func<MentorRecord?, MentorRecord?> change,
        CancellationToken cancellationToken = default)
    {
        var current = _mentors.GetValueOrDefault((Bot(botEmail), mentorId));
        if (change(current) is { } next)
            _mentors[(Bot(botEmail), mentorId)] = current = next;
        return Task.FromResult(current);
    }

    public Task<bool> RemoveMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_mentors.Remove((Bot(botEmail), mentorId)));

    public Task<IReadOnlyList<MentorRecord>> ListMentorsAsync(string botEmail, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<MentorRecord>>(_mentors.Values.Where(m => Bot(m.BotEmail) == Bot(botEmail)).ToList());

    public Task<PairRecord?> GetPairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_pairs.GetValueOrDefault((Bot(botEmail), mentorId, studentId)));

    public Task<PairRecord> EnrolAsync(PairRecord pair, CancellationToken cancellationToken = default)
    {
        var key = (Bot(pair.BotEmail), pair.MentorId, pair.StudentId);
        if (!_pairs.TryGetValue(key, out var existing))
            _pairs[key] = existing = pair;
        return Task.FromResult(existing);
    }

    public Task<bool> RemovePairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_pairs.Remove((Bot(botEmail), mentorId, studentId)));

    public Task<IReadOnlyList<PairRecord>> ListStudentsAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PairRecord>>(_pairs.Values.Where(p => Bot(p.BotEmail) == Bot(botEmail) && p.MentorId == mentorId).ToList());

    public Task<IReadOnlyList<PairRecord>> ListMentorsOfStudentAsync(string botEmail, long studentId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PairRecord>>(_pairs.Values.Where(p => Bot(p.BotEmail) == Bot(botEmail) && p.StudentId == studentId).ToList());
}

internal sealed class NoHttp : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => throw new InvalidOperationException("The intake benchmark makes no HTTP calls.");
}
