using MentorFunctions.Testing.Conversations;
using System.Diagnostics;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Zulip;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MentorFunctions.Tests.EndToEnd;

/// <summary>
/// The same programme under faults must end the same way: the same bursts get exactly one AI reply, the same get none,
/// nothing is posted twice, every message is counted once. A smaller programme (target 600, 740 messages, seed 5) keeps the three runs and
/// their fault-free baseline under a minute; the full 2,000-message month runs once, fault-free, in
/// <see cref="ScriptedProgrammeEndToEndTests"/>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FaultToleranceTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int ProgrammeSeed = 5;
    private const int Messages = 600;
    private static readonly SemaphoreSlim BaselineGate = new(1, 1);
    private static ProgrammeResult? _baseline;

    [Fact]
    public async Task Repeated_and_out_of_order_webhook_deliveries_end_the_same()
    {
        var baseline = await BaselineAsync();
        var clock = Stopwatch.StartNew();
        await using var app = NewApp(baseline.Programme);
        var result = await ProgrammeDriver.RunAsync(app, baseline.Programme, new DeliveryPlan(MaxCopies: 4, ShuffleWindow: 4, Seed: 3));

        await AssertSameOutcomeAsync(app, baseline, result);
        var copies = result.WebhookCalls - baseline.Programme.Messages.Count;
        output.WriteLine($"(a) duplicates + shuffle: {result.WebhookCalls} webhook calls for {baseline.Programme.Messages.Count} messages " +
                         $"({copies} repeats), AI replies {result.AiPosts.Count} (baseline {baseline.AiPosts.Count}), " +
                         $"actions {result.TotalActions} (baseline {baseline.TotalActions}), {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Zulip_and_the_model_failing_30_percent_of_calls_end_the_same_with_retries_and_nothing_posted_twice()
    {
        var baseline = await BaselineAsync();
        var clock = Stopwatch.StartNew();
        var faults = new RandomFaults(seed: 17, rate: 0.3, timeoutDelay: TimeSpan.FromMilliseconds(1600));
        // Retries come quickly (1 s, Retry-After of 1 s honoured) and often enough: 30% failing calls, three of them
        // per delivery attempt, would exhaust the default five attempts for about one delivery in eight.
        var retry = new StepRetryPolicy(MaxAttempts: 25, FirstRetryInterval: TimeSpan.FromSeconds(1), BackoffCoefficient: 1, MaxRetryInterval: TimeSpan.FromSeconds(1));
        var settings = ProgrammeSettings.Default();
        // Client timeouts well above what a loaded 2-core machine takes on loopback (a real timeout would be an
        // uncounted fault), and well below the injected slow answers.
        settings["Llm:Timeout"] = "00:00:00.800";
        await using var app = NewApp(baseline.Programme, settings, retry,
            services => services.AddHttpClient(ZulipClient.HttpClientName, http => http.Timeout = TimeSpan.FromMilliseconds(800)));
        faults.Attach(app.Zulip, app.OpenAI);
        var result = await ProgrammeDriver.RunAsync(app, baseline.Programme);

        await AssertSameOutcomeAsync(app, baseline, result);
        Assert.True(faults.Total > 50, $"Only {faults.Total} faults were injected.");
        Assert.Contains(faults.Injected.Keys, k => k.Contains("(stored)", StringComparison.Ordinal));
        // One successful model call per reply: a retried delivery reuses the composed text from the reply ledger.
        var modelFaults = faults.Injected.Where(k => k.Key.StartsWith("model ", StringComparison.Ordinal)).Sum(k => k.Value);
        Assert.Equal(result.AiPosts.Count + modelFaults, app.OpenAI.Requests.Count);
        var retries = result.StepCalls - baseline.StepCalls;
        Assert.True(retries > 0);
        output.WriteLine($"(b) 30% faults: {faults.Total} injected over {faults.Calls} calls: " +
                         string.Join(", ", faults.Injected.OrderBy(k => k.Key).Select(k => $"{k.Key} ×{k.Value}")));
        output.WriteLine($"    step attempts {result.StepCalls} vs {baseline.StepCalls} without faults: {retries} retries; model calls " +
                         $"{app.OpenAI.Requests.Count} for {result.AiPosts.Count} replies; AI replies {result.AiPosts.Count} (baseline {baseline.AiPosts.Count}), {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Restarting_the_runtime_at_random_points_ends_the_same()
    {
        var baseline = await BaselineAsync();
        var clock = Stopwatch.StartNew();
        await using var app = NewApp(baseline.Programme);
        var result = await ProgrammeDriver.RunAsync(app, baseline.Programme, new DeliveryPlan(Seed: 9, RestartEvery: 40));

        await AssertSameOutcomeAsync(app, baseline, result);
        Assert.True(result.Restarts >= 10, $"Only {result.Restarts} restarts.");
        output.WriteLine($"(c) restarts: {result.Restarts} restarts (Export → Import, services rebuilt), AI replies {result.AiPosts.Count} " +
                         $"(baseline {baseline.AiPosts.Count}), actions {result.TotalActions} (baseline {baseline.TotalActions}), {clock.Elapsed.TotalSeconds:F1} s");
    }

    private MentorApp NewApp(ScriptedProgramme programme, Dictionary<string, string?>? settings = null, StepRetryPolicy? retry = null,
        Action<IServiceCollection>? configure = null) =>
        new(azurite, programme.Start, settings ?? ProgrammeSettings.Default(), retry, configure);

    private async Task<ProgrammeResult> BaselineAsync()
    {
        await BaselineGate.WaitAsync();
        try
        {
            if (_baseline is null)
            {
                var programme = ScriptedProgramme.Generate(ProgrammeSeed, targetMessages: Messages);
                await using var app = NewApp(programme);
                _baseline = await ProgrammeDriver.RunAsync(app, programme);
                // The baseline itself keeps the promises the full programme test checks.
                Assert.All(programme.Bursts.Where(b => b.MentorAnswerAt is null), b => Assert.Single(_baseline.PostsByBurst[b.Index]));
                Assert.All(_baseline.PostsByBurst, g => Assert.Single(g));
                output.WriteLine($"Baseline: {programme.Messages.Count} messages, {programme.Bursts.Count} bursts, {_baseline.AiPosts.Count} AI replies, " +
                                 $"{_baseline.TotalActions} actions");
            }
            return _baseline;
        }
        finally
        {
            BaselineGate.Release();
        }
    }

    /// <summary>Same bursts with one AI reply, none with two, every instance alive, every message counted once.</summary>
    private static async Task AssertSameOutcomeAsync(MentorApp app, ProgrammeResult baseline, ProgrammeResult result)
    {
        Assert.Empty(app.Zulip.ValidationErrors);
        Assert.All(result.Statuses.Values, s => Assert.Equal(VirtualInstanceStatus.Waiting, s));
        Assert.All(result.PostsByBurst, g => Assert.True(g.Count() == 1, $"Burst {g.Key} got {g.Count()} AI replies."));
        Assert.Equal(0, result.OtherBotMessages);
        var expected = baseline.BurstsAnsweredByAi;
        var actual = result.BurstsAnsweredByAi;
        Assert.True(expected.SetEquals(actual),
            $"Bursts answered by the AI differ: only in the baseline [{string.Join(",", expected.Except(actual))}], only here [{string.Join(",", actual.Except(expected))}].");
        foreach (var post in result.AiPosts)
            Assert.Contains("AI reply in", post.Content);

        var table = await app.Get<MentorFunctions.Core.Storage.TableStore>().GetTableAsync(MentorFunctions.Core.Storage.ProfileStore.TableShortName);
        foreach (var mentor in baseline.Programme.Mentors)
        {
            var stored = await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(
                MentorFunctions.Core.Storage.ProfileStore.PartitionKey(MentorApp.Bot, mentor.Id), MentorFunctions.Core.Storage.ProfileStore.MentorRow);
            var expectedCount = baseline.Programme.Messages.Count(m => m.Role == ParticipantRole.Mentor && m.SenderId == mentor.Id);
            Assert.Equal(expectedCount, stored.Value.GetInt64("Messages"));
        }
    }
}
