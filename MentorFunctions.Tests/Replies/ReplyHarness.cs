using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Llm;
using MentorFunctions.Core.Replies;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Zulip;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MentorFunctions.Tests.Replies;

/// <summary>
/// The reply step wired as the host would (AddMentorReplies) against a loopback Zulip, a loopback Azure OpenAI and real
/// Azurite; the registry and style reader are in-memory stand-ins. <see cref="RunStepAsync"/> plays the durable step
/// policy: a <see cref="TransientStepException"/> is retried (without waiting) up to a bound.
/// </summary>
internal sealed class ReplyHarness : IAsyncDisposable
{
    public const string Bot = "mentor-bot@example.zulipchat.com";
    public const long BotId = 100, Mentor = 10, Student = 20, OtherStudent = 21;

    private readonly ServiceProvider _services;
    private long _replySeed;

    public ReplyHarness(AzuriteFixture azurite, Action<ReplyOptions>? configure = null, TimeSpan? llmTimeout = null,
        Action<IServiceCollection>? configureServices = null)
    {
        Zulip = new LoopbackZulipServer(Bot, "bot-api-key", BotId);
        OpenAI = new LoopbackOpenAIServer();
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 14, 5, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton(azurite.CreateStore("replies"))
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<IMentorRegistry>(Registry)
            .AddSingleton<IStyleProfileReader>(new FixedStyleReader());
        services.AddOptions<ZulipOptions>().Configure(o =>
            o.Bots.Add(new ZulipBotOptions { Site = Zulip.Site, Email = Bot, ApiKey = "bot-api-key", WebhookToken = "token" }));
        services.AddMentorReplies();
        services.Configure<LlmOptions>(o =>
        {
            o.Provider = LlmProvider.AzureOpenAI;
            o.Endpoint = OpenAI.Endpoint;
            o.Deployment = "mentor-gpt";
            o.ApiKey = "llm-key";
            o.Timeout = llmTimeout ?? TimeSpan.FromSeconds(10);
        });
        if (configure is not null)
            services.Configure(configure);
        configureServices?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Registry.UpsertMentorAsync(new MentorRecord(Bot, Mentor, "ana@example.com", "Ana Lima", Clock.GetUtcNow())).Wait();
        Registry.EnrolAsync(new PairRecord(Bot, Mentor, Student, "sam@example.com", "Sam Park", Clock.GetUtcNow(), EnrolmentSource.Admin)).Wait();
        Registry.EnrolAsync(new PairRecord(Bot, Mentor, OtherStudent, "kim@example.com", "Kim Ode", Clock.GetUtcNow(), EnrolmentSource.Admin)).Wait();
    }

    public LoopbackZulipServer Zulip { get; }
    public LoopbackOpenAIServer OpenAI { get; }
    public FakeTimeProvider Clock { get; }
    public InMemoryMentorRegistry Registry { get; } = new();
    public ReplyDeliverer Deliverer => _services.GetRequiredService<ReplyDeliverer>();
    public IServiceProvider Services => _services;
    public AuditLog Audit => _services.GetRequiredService<AuditLog>();
    public List<TransientStepException> Retries { get; } = [];

    public ConversationKey Conversation(long student = Student) => new(Bot, Mentor, student);

    /// <summary>A student burst in the group DM; returns the step input for replying to it.</summary>
    public DeliverReplyInput StudentAsks(params string[] messages) => StudentAsksFrom(Student, messages);

    public DeliverReplyInput StudentAsksFrom(long student, params string[] messages)
    {
        var ids = messages.Select(m => Zulip.AddMessage(student, [Mentor], m, Clock.GetUtcNow())).ToArray();
        Interlocked.Increment(ref _replySeed);
        return new DeliverReplyInput(Conversation(student), ids[0], ids[0], ids[^1], 42.5, Clock.GetUtcNow());
    }

    public IReadOnlyList<StoredMessage> GroupPosts(long student = Student) => Zulip.BotMessagesTo(Mentor, student);

    public IReadOnlyList<StoredMessage> MentorNotices() => Zulip.BotMessagesTo(Mentor);

    public async Task<DeliverReplyResult> RunStepAsync(DeliverReplyInput input, int maxAttempts = 4)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Deliverer.DeliverAsync(input);
            }
            catch (TransientStepException e) when (attempt < maxAttempts)
            {
                Retries.Add(e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        var errors = Zulip.ValidationErrors.ToArray();
        await _services.DisposeAsync();
        await Zulip.DisposeAsync();
        await OpenAI.DisposeAsync();
        Assert.Empty(errors);
    }
}
