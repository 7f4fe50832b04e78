using System.Diagnostics.Metrics;
using System.Text;
using MentorFunctions.Core.Telemetry;
using MentorFunctions.Tests.Durable;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit.Abstractions;
using static MentorFunctions.Tests.Durable.DurableApp;

namespace MentorFunctions.Tests.Telemetry;

/// <summary>
/// The product's meter read in memory (MetricCollector on the worker's IMeterFactory) during a scripted conversation
/// that runs through the shell for real: Zulip's webhook calls go to the shell's <see cref="ZulipWebhook"/> function,
/// the orchestrator and activities run on the Durable test host, over Azurite and loopback Zulip and model servers.
/// </summary>
public sealed class ConversationMetricsTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    private const string FirstQuestion = "How do I start the recursion exercise?";
    private const string SecondQuestion = "Thanks! And what is the base case for factorial?";
    private const string MentorAnswer = "The base case is n == 0, Sam.";

    [Fact]
    public async Task A_scripted_conversation_is_measured_by_outcome_delay_tokens_and_rate_limits_without_message_text()
    {
        await using var app = await StartAsync(azurite, output: output);
        var meters = app.Get<IMeterFactory>();
        using var webhook = Collect<long>(meters, MentorMetrics.WebhookRequests);
        using var replies = Collect<long>(meters, MentorMetrics.Replies);
        using var delay = Collect<double>(meters, MentorMetrics.ReplyDelay);
        using var standDowns = Collect<long>(meters, MentorMetrics.StandDowns);
        using var rateLimited = Collect<long>(meters, MentorMetrics.ZulipRateLimited);
        using var retryAfter = Collect<double>(meters, MentorMetrics.ZulipRetryAfter);
        using var transient = Collect<long>(meters, MentorMetrics.StepTransientFailures);
        using var tokens = Collect<long>(meters, MentorMetrics.GenAiTokenUsage);
        using var duration = Collect<double>(meters, MentorMetrics.GenAiOperationDuration);
        await app.RegisterMentorAsync(Ana, Sam);
        var shell = ActivatorUtilities.CreateInstance<ZulipWebhook>(app.Services);

        // 1. Sam asks; Zulip rate-limits the reply's first post (Retry-After 1 s); the step retries and posts.
        Assert.Equal(200, await PostAsync(app, shell, Sam, Ana, FirstQuestion));
        app.Zulip.EnqueueFault("send-message", LoopbackZulipServer.RateLimited("1"));
        await WaitUntilAsync(() => app.Zulip.BotMessagesTo(Ana.Id, Sam.Id).Count == 1, Patience, "the AI reply, after the 429");

        // 2. Sam asks again and Ana answers herself during the delay: that reply stands down.
        Assert.Equal(200, await PostAsync(app, shell, Sam, Ana, SecondQuestion));
        await WaitUntilAsync(() => delay.GetMeasurementSnapshot().Count == 2, Patience, "the second reply planned");
        Assert.Equal(200, await PostAsync(app, shell, Ana, Sam, MentorAnswer));
        await WaitUntilAsync(() => standDowns.GetMeasurementSnapshot().Count == 1, Patience, "the stand-down");

        // 3. A call with a wrong token is refused.
        var forged = Encoding.UTF8.GetString(Payload(999_999, Sam, Ana, FirstQuestion, DateTimeOffset.UtcNow))
            .Replace(MentorApp.Token, "not-the-token", StringComparison.Ordinal);
        Assert.Equal(401, await CallAsync(app, shell, Encoding.UTF8.GetBytes(forged)));
        await Task.Delay(TimeSpan.FromSeconds(4)); // past the second reply's planned delay: nothing more happens
        Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));

        // Webhook outcomes by kind, reason and status.
        var calls = webhook.GetMeasurementSnapshot();
        Assert.Equal(3, calls.Count(m => Tag(m, "mentor.webhook.kind") == "conversation" && Tag(m, "http.response.status_code") == "200"));
        Assert.Single(calls, m => Tag(m, "mentor.webhook.kind") == "rejected" && Tag(m, "mentor.webhook.reason") == "unauthorized"
            && Tag(m, "http.response.status_code") == "401");
        Assert.Equal(4, calls.Count);

        // Reply outcomes: one posted, one stood down (the mentor answered while it waited, so DeliverReply never ran).
        var outcomes = replies.GetMeasurementSnapshot();
        Assert.Equal(1, outcomes.Where(m => Tag(m, "mentor.reply.outcome") == "posted").Sum(m => m.Value));
        Assert.Equal(1, outcomes.Sum(m => m.Value));
        var stood = Assert.Single(standDowns.GetMeasurementSnapshot());
        Assert.Equal("waiting", Tag(stood, "mentor.stand_down.stage"));

        // Planned delays: within Timing:MinDelay..MaxDelay (2..3 s here), in seconds.
        Assert.All(delay.GetMeasurementSnapshot(), m => Assert.InRange(m.Value, 2, 3));

        // Zulip's 429 and the wait it asked for; the DeliverReply attempt it failed.
        var limited = Assert.Single(rateLimited.GetMeasurementSnapshot());
        Assert.Equal("send-message", Tag(limited, "mentor.zulip.operation"));
        Assert.Equal(1.0, Assert.Single(retryAfter.GetMeasurementSnapshot()).Value);
        var failedAttempt = Assert.Single(transient.GetMeasurementSnapshot());
        Assert.Equal("DeliverReply", Tag(failedAttempt, "mentor.step.name"));

        // The model call in the GenAI semantic conventions: the usage the model reported (loopback: 120 in, 30 out).
        var usage = tokens.GetMeasurementSnapshot();
        Assert.Equal(120, Assert.Single(usage, m => Tag(m, "gen_ai.token.type") == "input").Value);
        Assert.Equal(30, Assert.Single(usage, m => Tag(m, "gen_ai.token.type") == "output").Value);
        var call = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.InRange(call.Value, 0, Patience.TotalSeconds);
        foreach (var tags in usage.Select(m => m.Tags).Append(call.Tags))
        {
            Assert.Equal("chat", tags["gen_ai.operation.name"]);
            Assert.Equal("mentor-gpt", tags["gen_ai.request.model"]);
            Assert.Equal("azure.ai.openai", tags["gen_ai.provider.name"]);
        }
        Assert.DoesNotContain("error.type", call.Tags.Keys);

        // No message text (nor the reply, names or emails) in any tag of any instrument.
        string[] secrets = [FirstQuestion, SecondQuestion, MentorAnswer, app.OpenAI.DefaultText, Sam.FullName, Ana.FullName, Sam.Email, Ana.Email, MentorApp.Token];
        var allTags = new[] { webhook, replies, standDowns, rateLimited, transient, tokens }.SelectMany(c => c.GetMeasurementSnapshot()).SelectMany(m => m.Tags)
            .Concat(new[] { delay, retryAfter, duration }.SelectMany(c => c.GetMeasurementSnapshot()).SelectMany(m => m.Tags))
            .Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")
            .ToList();
        output.WriteLine("Tag values: " + string.Join(", ", allTags.Distinct()));
        Assert.NotEmpty(allTags);
        Assert.All(allTags, value =>
        {
            Assert.True(value.Length <= 40, $"tag value too long for an id or outcome: {value}");
            Assert.DoesNotContain(secrets, s => value.Contains(s, StringComparison.OrdinalIgnoreCase));
        });
    }

    private static MetricCollector<T> Collect<T>(IMeterFactory meters, string instrument) where T : struct =>
        new(meters, MentorMetrics.MeterName, instrument);

    private static string? Tag<T>(CollectedMeasurement<T> measurement, string name) where T : struct =>
        measurement.Tags.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>A group DM message stored in the loopback Zulip, then delivered to the shell's webhook function.</summary>
    private static async Task<int> PostAsync(DurableApp app, ZulipWebhook shell, MentorApp.User sender, MentorApp.User other, string content)
    {
        var now = DateTimeOffset.UtcNow;
        var id = app.Zulip.AddMessage(sender.Id, [other.Id], content, now);
        var status = await CallAsync(app, shell, Payload(id, sender, other, content, now));
        // The preview test host's ContinueAsNew defect can drop an event (see DurableApp.SignalAsync): wait for it as the
        // other Durable tests do, raising it again only when the workflow never saw it.
        var conversation = new MentorFunctions.Core.Conversations.ConversationKey(Bot, Ana.Id, Sam.Id);
        await WaitUntilAsync(async () => (await app.StateAsync(conversation.InstanceId))?.HasSeen(id) == true, Patience, $"message {id} in its workflow");
        return status;
    }

    private static async Task<int> CallAsync(DurableApp app, ZulipWebhook shell, byte[] body)
    {
        var (request, context) = ShellHttp.Post(app.Services, new Uri("http://localhost/api/zulip/webhook"), body, "application/json");
        var response = await shell.Run(request, app.Client, context);
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task A_delivery_that_fails_for_good_is_counted_once_as_a_failed_reply_and_a_failed_step()
    {
        await using var app = await StartAsync(azurite, output: output);
        var meters = app.Get<IMeterFactory>();
        using var replies = Collect<long>(meters, MentorMetrics.Replies);
        using var failures = Collect<long>(meters, MentorMetrics.StepFailures);
        using var transient = Collect<long>(meters, MentorMetrics.StepTransientFailures);
        await app.RegisterMentorAsync(Ana, Sam);
        var shell = ActivatorUtilities.CreateInstance<ZulipWebhook>(app.Services);

        Assert.Equal(200, await PostAsync(app, shell, Sam, Ana, FirstQuestion));
        // Zulip refuses the delivery's history read for good (a 400 is not retried): the DeliverReply step fails.
        app.Zulip.EnqueueFault("get-messages", new ZulipFault(400, """{"result":"error","msg":"Invalid narrow","code":"BAD_REQUEST"}"""));
        await WaitUntilAsync(() => failures.GetMeasurementSnapshot().Count > 0, Patience, "the failed delivery");
        await Task.Delay(TimeSpan.FromSeconds(2)); // any replay of the failure must not count it again

        var failed = Assert.Single(failures.GetMeasurementSnapshot());
        Assert.Equal("DeliverReply", failed.Tags["mentor.step.name"]);
        Assert.Equal("ZulipApiException", failed.Tags["error.type"]);
        var outcome = Assert.Single(replies.GetMeasurementSnapshot());
        Assert.Equal("failed", outcome.Tags["mentor.reply.outcome"]);
        Assert.Equal("step-failed", outcome.Tags["mentor.reply.reason"]);
        Assert.Empty(transient.GetMeasurementSnapshot());
        Assert.Empty(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
    }

    [Fact]
    public void Every_reply_outcome_has_its_own_name_on_the_meter()
    {
        var names = Enum.GetValues<MentorFunctions.Core.Conversations.DeliveryOutcome>().Select(MentorMetrics.OutcomeName).ToList();
        Assert.DoesNotContain("unknown", names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }
}
