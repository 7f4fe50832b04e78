using MentorFunctions.Testing.Conversations;
using System.Text;
using System.Text.Json.Nodes;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Hosting;
using MentorFunctions.Core.Intake;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures.Loopback;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorFunctions.Tests.Fixtures;

/// <summary>
/// The whole app as the Functions host composes it (<see cref="MentorCoreServiceCollectionExtensions.AddMentorFunctionsCore"/>
/// from configuration), with the conversation workflow on the virtual clock instead of Durable, real Azurite, and loopback
/// Zulip and Azure OpenAI servers. <see cref="PostWebhookAsync"/> does what the HTTP trigger does.
/// </summary>
public sealed class MentorApp : IAsyncDisposable
{
    public const string Bot = "mentor-bot@mentoring.example.com";
    public const string BotName = "Mentor Bot";
    public const string Token = "webhook-token-for-tests-0123456789";
    public const long BotId = 9;

    private readonly Dictionary<string, string?> _config;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly StepRetryPolicy? _retryPolicy;
    private ServiceProvider _services;

    /// <param name="configureServices">Runs after the app's own registrations (e.g. a shorter HTTP timeout for fault tests).</param>
    public MentorApp(AzuriteFixture azurite, DateTimeOffset start, IDictionary<string, string?>? settings = null, StepRetryPolicy? retryPolicy = null,
        Action<IServiceCollection>? configureServices = null)
    {
        Zulip = new LoopbackZulipServer(Bot, "bot-api-key", BotId, BotName);
        OpenAI = new LoopbackOpenAIServer();
        Host = new VirtualWorkflowHost(start, retryPolicy ?? StepRetryPolicy.Default);
        Clock = new VirtualClock(this);
        Zulip.Clock = () => Host.UtcNow;
        _retryPolicy = retryPolicy;
        _configureServices = configureServices;

        var store = azurite.CreateStore("app");
        _config = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = store.TableName(""),
            ["Zulip:Bots:0:Site"] = Zulip.Site.ToString(),
            ["Zulip:Bots:0:Email"] = Bot,
            ["Zulip:Bots:0:ApiKey"] = "bot-api-key",
            ["Zulip:Bots:0:WebhookToken"] = Token,
            ["Zulip:Bots:0:AutoEnrolStudents"] = "true",
            ["Llm:Provider"] = "AzureOpenAI",
            ["Llm:Endpoint"] = OpenAI.Endpoint.ToString(),
            ["Llm:Deployment"] = "mentor-gpt",
            ["Llm:ApiKey"] = "llm-key",
            ["MentorRegistry:CacheTtl"] = "00:00:00",
        };
        if (settings is not null)
        {
            foreach (var (key, value) in settings) _config[key] = value;
        }

        _services = BuildServices();
        Host.AddConversationWorkflow(Steps);
    }

    public LoopbackZulipServer Zulip { get; }
    public LoopbackOpenAIServer OpenAI { get; }
    public VirtualWorkflowHost Host { get; private set; }

    /// <summary>
    /// A process restart: the services are built anew from the same configuration (no cache or client survives), and the
    /// workflow host is rebuilt from its exported history (<see cref="VirtualWorkflowHost.Export"/>), as Durable would
    /// resume from storage. Storage (Azurite) and the loopback servers are the outside world and stay.
    /// </summary>
    public async Task RestartAsync()
    {
        var snapshot = Host.Export();
        var old = _services;
        _services = BuildServices();
        await old.DisposeAsync();
        Host = VirtualWorkflowHost.Import(snapshot, h => h.AddConversationWorkflow(Steps), _retryPolicy ?? StepRetryPolicy.Default);
        Restarts++;
    }

    /// <summary>How many times <see cref="RestartAsync"/> ran.</summary>
    public int Restarts { get; private set; }
    public TimeProvider Clock { get; }
    public IServiceProvider Services => _services;
    public WebhookIntake Intake => _services.GetRequiredService<WebhookIntake>();
    public IConversationSteps Steps => _services.GetRequiredService<IConversationSteps>();
    public IMentorRegistry Registry => _services.GetRequiredService<IMentorRegistry>();
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>What the HTTP trigger does: intake, then start or signal the conversation's workflow.</summary>
    public async Task<WebhookOutcome> PostWebhookAsync(byte[] body, string contentType = "application/json")
    {
        var outcome = await Intake.HandleAsync(body, contentType, CancellationToken.None);
        if (outcome is { Kind: IntakeKind.Conversation, Conversation: { } conversation, Message: { } message })
            await Host.SendMessageAsync(conversation, await Get<MentorFunctions.Core.Privacy.MessageSealer>().SealAsync(conversation, message, CancellationToken.None));
        return outcome;
    }

    /// <summary>
    /// A user writes in the group DM {mentor, student, bot}: the message is stored in the loopback Zulip (so history reads
    /// see it) and delivered to the webhook as Zulip would. Returns the message id and the intake's outcome.
    /// </summary>
    public async Task<(long MessageId, WebhookOutcome Outcome)> GroupMessageAsync(User sender, User other, string content)
    {
        var id = Zulip.AddMessage(sender.Id, [other.Id], content, Host.UtcNow);
        var body = GroupDmPayload(id, sender, [sender, other], content, Host.UtcNow);
        return (id, await PostWebhookAsync(body));
    }

    /// <summary>Pairs a student with a mentor as programme staff would (the admin route's registry call).</summary>
    public Task<PairRecord> PairAsync(User mentor, User student) =>
        Registry.EnrolAsync(new PairRecord(Bot, mentor.Id, student.Id, student.Email, student.FullName, Host.UtcNow, EnrolmentSource.Admin));

    /// <summary>A 1:1 DM to the bot (a command), delivered to the webhook.</summary>
    public async Task<WebhookOutcome> DirectMessageAsync(User sender, string content)
    {
        var id = Zulip.AddMessage(sender.Id, [], content, Host.UtcNow);
        return await PostWebhookAsync(GroupDmPayload(id, sender, [sender], content, Host.UtcNow));
    }

    public sealed record User(long Id, string Email, string FullName);

    /// <summary>The Markdown a command's answer posts (the "content" of the JSON response), or "" when none.</summary>
    public static string ContentOf(WebhookOutcome outcome)
    {
        using var json = System.Text.Json.JsonDocument.Parse(outcome.ResponseJson);
        return json.RootElement.TryGetProperty("content", out var content) ? content.GetString() ?? "" : "";
    }

    /// <summary>An outgoing-webhook body (Generic interface) for a DM with the bot and these humans, as Zulip sends it.</summary>
    public static byte[] GroupDmPayload(long messageId, User sender, IReadOnlyList<User> humans, string content, DateTimeOffset at)
    {
        var recipients = new JsonArray();
        foreach (var h in humans)
            recipients.Add(new JsonObject { ["id"] = h.Id, ["email"] = h.Email, ["full_name"] = h.FullName, ["is_mirror_dummy"] = false });
        recipients.Add(new JsonObject { ["id"] = BotId, ["email"] = Bot, ["full_name"] = BotName, ["is_mirror_dummy"] = false });
        var payload = new JsonObject
        {
            ["bot_email"] = Bot,
            ["bot_full_name"] = BotName,
            ["data"] = content,
            ["token"] = Token,
            ["trigger"] = "direct_message",
            ["message"] = new JsonObject
            {
                ["id"] = messageId,
                ["sender_id"] = sender.Id,
                ["sender_email"] = sender.Email,
                ["sender_full_name"] = sender.FullName,
                ["sender_realm_str"] = "mentoring",
                ["content"] = content,
                ["content_type"] = "text/x-markdown",
                ["rendered_content"] = "<p>" + System.Net.WebUtility.HtmlEncode(content) + "</p>",
                ["timestamp"] = at.ToUnixTimeSeconds(),
                ["type"] = "private",
                ["display_recipient"] = recipients,
                ["recipient_id"] = 5000 + messageId % 97,
                ["subject"] = "",
                ["client"] = "website",
                ["avatar_url"] = null,
                ["is_me_message"] = false,
                ["reactions"] = new JsonArray(),
                ["submessages"] = new JsonArray(),
                ["topic_links"] = new JsonArray(),
            },
        };
        return Encoding.UTF8.GetBytes(payload.ToJsonString());
    }

    private ServiceProvider BuildServices()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(_config).Build())
            .AddSingleton<TimeProvider>(Clock)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddMentorFunctionsCore();
        _configureServices?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Zulip.DisposeAsync();
        await OpenAI.DisposeAsync();
    }

    /// <summary>Core's services read the same virtual time as the workflow host.</summary>
    private sealed class VirtualClock(MentorApp app) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => app.Host.UtcNow;
    }
}
