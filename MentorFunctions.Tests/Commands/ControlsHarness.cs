using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using MentorFunctions.Core.Admin;
using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Timing;
using MentorFunctions.Core.Zulip;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorFunctions.Tests.Commands;

/// <summary>The controls wired through AddMentorControls over real Azurite, with recording ports for the other helpers' parts.</summary>
internal sealed class ControlsHarness
{
    public const string Bot = "mentor-bot@zulip.example.org";

    /// <param name="store">Another harness's store: a second instance of the app over the same tables.</param>
    /// <param name="registryCache">The registry cache the app puts in front of storage; none when null.</param>
    public ControlsHarness(AzuriteFixture azurite, string hint, IReadOnlyList<AuditEntryDto>? audit = null, TableStore? store = null,
        TimeSpan? registryCache = null)
    {
        Store = store ?? azurite.CreateStore(hint);
        Registry = new TableMentorRegistry(Store);
        Audit = new ListAuditReader(audit ?? []);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSingleton(Store);
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IOptions<ZulipOptions>>(Options.Create(new ZulipOptions
        {
            Bots = [new ZulipBotOptions { Site = new Uri("https://zulip.example.org"), Email = Bot, ApiKey = "key", WebhookToken = "token" }],
        }));
        services.AddSingleton<IMentorRegistry>(registryCache is { } ttl
            ? new CachedMentorRegistry(Registry, Options.Create(new MentorRegistryOptions { CacheTtl = ttl }), Time)
            : Registry);
        services.AddSingleton<IStyleDescriber>(Describer);
        services.AddSingleton<IStyleProfileReader>(new FixedProfileReader());
        services.AddSingleton<IDraftPoster>(Poster);
        services.AddSingleton<IDraftFeedbackSink>(Feedback);
        services.AddSingleton<IAuditReader>(Audit);
        services.AddSingleton<MentorFunctions.Core.Languages.IStudentLanguages>(StudentLanguages);
        // The profile import merges into real profile tables (and records its consent) in this harness's store.
        services.AddSingleton<ProfileStore>();
        services.AddSingleton<MentorFunctions.Core.Consent.ProfileImportRecords>();
        services.AddSingleton<IProfileImporter, ProfileImporter>();
        services.AddMentorControls();
        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public TableStore Store { get; }
    public TableMentorRegistry Registry { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));
    public FixedStyleDescriber Describer { get; } = new();
    public RecordingDraftPoster Poster { get; } = new();
    public RecordingFeedbackSink Feedback { get; } = new();
    public ListAuditReader Audit { get; }
    public FixedStudentLanguages StudentLanguages { get; } = new();
    public ServiceProvider Provider { get; }

    public ICommandHandler Commands => Provider.GetRequiredService<ICommandHandler>();
    public DraftStore Drafts => Provider.GetRequiredService<DraftStore>();
    public AdminApi Admin => Provider.GetRequiredService<AdminApi>();

    // One counter for every harness: harnesses over one store are instances of one app on one Zulip server.
    // Far above the user ids the tests use, so a command's message id (a handled-commands row key) never reads as a user's.
    private static long s_lastMessageId = 9_000_000;

    /// <summary>A DM command; each call is a new Zulip message unless <paramref name="messageId"/> repeats one (a re-send).</summary>
    public async Task<string> SayAsync(long senderId, string text, string fullName = "Someone", long? messageId = null) =>
        (await Commands.HandleAsync(new CommandRequest(Bot, senderId, $"user{senderId}@example.org", fullName, text, true,
            messageId ?? Interlocked.Increment(ref s_lastMessageId)), CancellationToken.None)).Content ?? "";

    /// <summary>The same text sent as a channel message that mentions the bot: everyone in the channel reads the answer.</summary>
    public async Task<string?> SayInChannelAsync(long senderId, string text, string fullName = "Someone") =>
        (await Commands.HandleAsync(new CommandRequest(Bot, senderId, $"user{senderId}@example.org", fullName, text, false, 2), CancellationToken.None)).Content;

    public async Task<MentorRecord> AddMentorAsync(long id, string name)
    {
        var m = new MentorRecord(Bot, id, $"user{id}@example.org", name, Time.GetUtcNow());
        await Registry.UpsertMentorAsync(m);
        return m;
    }

    public Task<PairRecord> PairAsync(long mentorId, long studentId, string studentName) =>
        Registry.EnrolAsync(new PairRecord(Bot, mentorId, studentId, $"user{studentId}@example.org", studentName, Time.GetUtcNow(), EnrolmentSource.Admin));

    /// <summary>Every entity in every table of this harness's prefix that mentions the user: by key, by id value, or by email.</summary>
    public async Task<List<string>> EntitiesMentioningAsync(long userId)
    {
        var hits = new List<string>();
        var prefix = Store.TableName("");
        var idKey = TableKeys.Id(userId);
        var email = $"user{userId}@example.org";
        await foreach (var t in Store.Service.QueryAsync(filter: (string?)null))
        {
            if (!t.Name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var table = Store.Service.GetTableClient(t.Name);
            await foreach (var e in table.QueryAsync<TableEntity>())
            {
                var mentions = e.PartitionKey.Contains(idKey) || e.RowKey.Contains(idKey)
                    || e.Any(kv => kv.Value is long l && l == userId
                                   || kv.Value is int i && i == userId
                                   || kv.Value is string s && s.Contains(email, StringComparison.OrdinalIgnoreCase));
                if (mentions) hits.Add($"{t.Name}/{e.PartitionKey}/{e.RowKey}");
            }
        }
        return hits;
    }
}

internal sealed class FixedProfileReader : IStyleProfileReader
{
    public static StyleSnapshot Snapshot(long mentorId) => new(
        mentorId, 42, 0.6, 120, 30, 22, -0.3, 0.5, ["🙂"], 0.2, 0.1, 0.05,
        [new PhraseUse("Hi!", 0.4)], [new PhraseUse("Cheers", 0.3)], [new PhraseUse("let me know", 0.2)], ["Hi! Try it again?"],
        new TimingSnapshot(6.5, 1.1, 40, [], 120), 1);

    public Task<StyleSnapshot> ReadForReplyAsync(ConversationKey conversation, CancellationToken cancellationToken = default) =>
        Task.FromResult(Snapshot(conversation.MentorId));

    public Task<StyleSnapshot> ReadMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Snapshot(mentorId));
}

internal sealed class ListAuditReader(IReadOnlyList<AuditEntryDto> entries) : IAuditReader
{
    public List<(long? MentorId, DateTimeOffset? Since, int Max)> Calls { get; } = [];

    public async IAsyncEnumerable<AuditEntryDto> ReadAsync(string bot, long? mentorId, DateTimeOffset? since, int max,
        [EnumeratorCancellation] CancellationToken ct)
    {
        Calls.Add((mentorId, since, max));
        foreach (var e in entries.Where(e => mentorId is null || e.MentorId == mentorId).Where(e => since is null || e.At >= since).OrderByDescending(e => e.At).Take(max))
        {
            await Task.Yield();
            yield return e;
        }
    }
}

/// <summary>The language a student's conversations would tell (no Zulip here); null tells nothing.</summary>
internal sealed class FixedStudentLanguages : MentorFunctions.Core.Languages.IStudentLanguages
{
    public string? Language { get; set; }

    public Task<string?> FromConversationsAsync(string botEmail, long studentId, CancellationToken ct) => Task.FromResult(Language);
}
