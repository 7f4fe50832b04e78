using System.Net;
using System.Net.Sockets;
using MentorFunctions.Core.Admin;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Intake;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorFunctions.Tests.Durable;

/// <summary>
/// The Functions shell for real: its orchestrator and activities (<see cref="ShellFunctions"/>) on the Durable Task SDK's
/// in-process backend (<see cref="DurableTaskTestHost"/>), Core composed in the worker's DI by the shell's own
/// <see cref="ShellServiceCollectionExtensions.AddMentorFunctionsShell"/> over real Azurite and loopback Zulip and model
/// servers. Messages arrive as the webhook hands them over: intake, then <see cref="ConversationSignal"/> over the shell's
/// <see cref="DurableConversationInstances"/> on the test host's client. Durable timers here are wall-clock, so the
/// reply delays are configured in seconds (<see cref="ShortTiming"/>).
/// </summary>
public sealed class DurableApp : IAsyncDisposable
{
    public const string Bot = MentorApp.Bot;

    /// <summary>A reply 2–3 s after the first message of a burst, a 1 s settle after the latest.</summary>
    public static readonly IReadOnlyDictionary<string, string?> ShortTiming = new Dictionary<string, string?>
    {
        ["Timing:MinDelay"] = "00:00:02",
        ["Timing:MaxDelay"] = "00:00:03",
        ["Timing:BurstSettle"] = "00:00:01",
    };

    public static readonly MentorApp.User Ana = new(101, "ana@mentoring.example.com", "Ana Lima");
    public static readonly MentorApp.User Sam = new(201, "sam@mentoring.example.com", "Sam Park");

    private DurableTaskTestHost _host = null!;

    private DurableApp()
    {
        Zulip = new LoopbackZulipServer(Bot, "bot-api-key", MentorApp.BotId, MentorApp.BotName);
        OpenAI = new LoopbackOpenAIServer();
    }

    public LoopbackZulipServer Zulip { get; }
    public LoopbackOpenAIServer OpenAI { get; }
    public DurableTaskClient Client => _host.Client;
    public IServiceProvider Services => _host.Services;
    public DurableConversationInstances Instances => new(_host.Client);
    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <param name="configureServices">Runs after the shell's registrations (a test may wrap a service).</param>
    public static async Task<DurableApp> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null, Xunit.Abstractions.ITestOutputHelper? output = null)
    {
        var app = new DurableApp();
        var config = new Dictionary<string, string?>(ShortTiming)
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = azurite.CreateStore("durable").TableName(""),
            ["Zulip:Bots:0:Site"] = app.Zulip.Site.ToString(),
            ["Zulip:Bots:0:Email"] = Bot,
            ["Zulip:Bots:0:ApiKey"] = "bot-api-key",
            ["Zulip:Bots:0:WebhookToken"] = MentorApp.Token,
            ["Zulip:Bots:0:AutoEnrolStudents"] = "true",
            ["Llm:Provider"] = "AzureOpenAI",
            ["Llm:Endpoint"] = app.OpenAI.Endpoint.ToString(),
            ["Llm:Deployment"] = "mentor-gpt",
            ["Llm:ApiKey"] = "llm-key",
            ["MentorRegistry:CacheTtl"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            config[key] = value;

        var loggers = LoggerFactory.Create(b =>
        {
            b.SetMinimumLevel(LogLevel.Debug);
            if (output is not null)
                b.AddProvider(new TestOutputLoggerProvider(output, LogLevel.Debug));
        });
        // Orchestrations start only with the first message, after StartAsync has returned the host.
        app._host = await DurableTaskTestHost.StartAsync(registry => ShellFunctions.Register(registry, () => app._host.Services), new DurableTaskTestHostOptions
        {
            Port = FreePort(),
            LoggerFactory = loggers,
            ConfigureServices = services =>
            {
                services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
                services.AddLogging(b =>
                {
                    b.SetMinimumLevel(LogLevel.Information);
                    if (output is not null)
                        b.AddProvider(new TestOutputLoggerProvider(output));
                });
                services.AddMentorFunctionsShell();
                configureServices?.Invoke(services);
            },
        });
        return app;
    }

    /// <summary>Registers a mentor and pairs their students through the admin API, as programme staff would.</summary>
    public async Task RegisterMentorAsync(MentorApp.User mentor, params MentorApp.User[] students)
    {
        var result = await Get<AdminApi>().RegisterMentorAsync(
            $$"""{"botEmail":"{{Bot}}","userId":{{mentor.Id}},"email":"{{mentor.Email}}","fullName":"{{mentor.FullName}}"}""", default);
        Assert.Equal(201, result.Status);
        foreach (var s in students)
        {
            var paired = await Get<AdminApi>().RegisterPairAsync(
                $$"""{"botEmail":"{{Bot}}","mentorId":{{mentor.Id}},"studentId":{{s.Id}},"studentEmail":"{{s.Email}}","studentFullName":"{{s.FullName}}"}""", default);
            Assert.Equal(201, paired.Status);
        }
    }

    /// <summary>What ZulipWebhook does: intake, then start or signal the conversation over the shell's adapter.</summary>
    public async Task<WebhookOutcome> PostWebhookAsync(byte[] body)
    {
        var outcome = await Get<WebhookIntake>().HandleAsync(body, "application/json", CancellationToken.None);
        if (outcome is { Kind: IntakeKind.Conversation, Conversation: { } conversation, Message: { } message })
            await SignalAsync(conversation, message);
        return outcome;
    }

    /// <summary>
    /// When false, a message raised while the instance is busy can be lost to the preview test host's ContinueAsNew
    /// defect (see <see cref="SignalAsync"/>); only the test that shows the defect turns it off.
    /// </summary>
    public bool RedeliverDroppedEvents { get; set; } = true;

    /// <summary>How many times <see cref="SignalAsync"/> had to raise a message again.</summary>
    public int Redeliveries => _redeliveries;

    private int _redeliveries;

    /// <summary>
    /// <see cref="ConversationSignal.SendAsync"/>, then (test code only) a workaround for a defect of
    /// Microsoft.DurableTask.InProcessTestHost 0.2.3-preview.1: when an orchestration continues as new with
    /// preserveUnprocessedEvents, the SDK forwards the events it had not handled yet by sending them to its own instance,
    /// and that test host drops events sent to itself across ContinueAsNew (they carry the old execution id). Real
    /// backends deliver them; durabletask-dotnet fixed the test host after that release. So here each message is raised
    /// again until the workflow's state shows it (the workflow drops re-raised ids, as it drops Zulip's re-sends).
    /// <see cref="TestHostLimitationTests"/> shows the defect, so an upgrade that fixes it is noticed.
    /// </summary>
    public async Task SignalAsync(ConversationKey conversation, ConversationMessage message, IConversationInstances? instances = null)
    {
        await ConversationSignal.SendAsync(instances ?? Instances, conversation, message, CancellationToken.None, Get<MentorFunctions.Core.Privacy.MessageSealer>());
        if (!RedeliverDroppedEvents)
            return;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var nextRaise = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (await StateAsync(conversation.InstanceId) is not { } state || !state.HasSeen(message.MessageId))
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Message {message.MessageId} never reached its workflow, even raised again.");
            if (DateTime.UtcNow > nextRaise)
            {
                Interlocked.Increment(ref _redeliveries);
                await Instances.RaiseMessageAsync(conversation.InstanceId,
                    await Get<MentorFunctions.Core.Privacy.MessageSealer>().SealAsync(conversation, message, CancellationToken.None), CancellationToken.None);
                nextRaise = DateTime.UtcNow + TimeSpan.FromSeconds(3);
            }
            await Task.Delay(50);
        }
    }

    /// <summary>A message in the group DM {mentor, student, bot}: stored in the loopback Zulip, then delivered to the webhook.</summary>
    public async Task<(long MessageId, WebhookOutcome Outcome)> GroupMessageAsync(MentorApp.User sender, MentorApp.User other, string content)
    {
        var now = DateTimeOffset.UtcNow;
        var id = Zulip.AddMessage(sender.Id, [other.Id], content, now);
        return (id, await PostWebhookAsync(MentorApp.GroupDmPayload(id, sender, [sender, other], content, now)));
    }

    /// <summary>The same group DM message's webhook body, for re-sends.</summary>
    public static byte[] Payload(long id, MentorApp.User sender, MentorApp.User other, string content, DateTimeOffset at) =>
        MentorApp.GroupDmPayload(id, sender, [sender, other], content, at);

    /// <summary>The deterministic instance id of Ana's conversation with a student.</summary>
    public static string InstanceId(MentorApp.User mentor, MentorApp.User student) =>
        new ConversationKey(Bot, mentor.Id, student.Id).InstanceId;

    /// <summary>The workflow's latest state: the status it showed last, else its generation's input.</summary>
    public async Task<ConversationState?> StateAsync(string instanceId)
    {
        // The workflow shows its state as the custom status between the messages of a generation; a generation that has
        // shown nothing yet is at its input.
        var instance = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        return instance?.ReadCustomStatusAs<ConversationState>() ?? instance?.ReadInputAs<ConversationState>();
    }

    /// <summary>Polls (wall clock) until <paramref name="condition"/> holds; fails the test with <paramref name="what"/> otherwise.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out after {timeout.TotalSeconds:F0} s waiting for: {what}");
            await Task.Delay(100);
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        await Zulip.DisposeAsync();
        await OpenAI.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
