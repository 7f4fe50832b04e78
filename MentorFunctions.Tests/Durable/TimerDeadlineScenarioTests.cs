using MentorFunctions.Tests.Fixtures;
using static MentorFunctions.Tests.Durable.DurableApp;

namespace MentorFunctions.Tests.Durable;

/// <summary>
/// Messages raised within ± 40 ms of the reply timer's deadline, when the timer firing and the event race in the same
/// batch: each is recorded once, the instance goes on, a mentor's message near the deadline stands the reply down and a
/// student's follow-up is answered. Six conversations of one mentor run at once, one per (offset, sender).
/// What this cannot show under the preview test host: a message that reaches the instance after the timer fired is
/// forwarded across ContinueAsNew, which this host drops and DurableApp.SignalAsync re-raises (counted, printed). So a
/// message swallowed by the timed-out waiter would look the same here; that it is not rests on the workflow continuing
/// as new at once after a timeout (enforced by the virtual host's rule) and on the SDK's carry-over of later events.
/// </summary>
public sealed class TimerDeadlineScenarioTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Messages_raised_around_the_timer_deadline_are_never_lost()
    {
        // A 4–5 s delay leaves the intake of the racing message well before the deadline, even on a loaded machine.
        await using var app = await StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Timing:MinDelay"] = "00:00:04", ["Timing:MaxDelay"] = "00:00:05",
        }, output: output);
        var cases = new[] { -40, 0, 40 }
            .SelectMany(offset => new[] { (Offset: offset, Mentor: false), (Offset: offset, Mentor: true) })
            .Select((c, i) => (c.Offset, c.Mentor, Student: new MentorApp.User(301 + i, $"student{i}@mentoring.example.com", $"Student {i}")))
            .ToList();
        await app.RegisterMentorAsync(Ana, [.. cases.Select(c => c.Student)]);

        var results = await Task.WhenAll(cases.Select(c => RunAsync(app, c.Student, c.Offset, c.Mentor)));

        foreach (var r in results)
            output.WriteLine(r.ToString());
        output.WriteLine($"redeliveries (test host defect, see DurableApp.SignalAsync): {app.Redeliveries}");
        Assert.Empty(app.Zulip.ValidationErrors);
        Assert.Equal(results.Sum(r => r.Posts), app.OpenAI.Requests.Count);
    }

    private sealed record CaseResult(long StudentId, int Offset, bool Mentor, double RaisedAfterDueMs, int Posts);

    private async Task<CaseResult> RunAsync(DurableApp app, MentorApp.User student, int offsetMs, bool mentorSpeaks)
    {
        var instanceId = InstanceId(Ana, student);
        var (first, _) = await app.GroupMessageAsync(student, Ana, "Hi Ana, my build fails with a linker error, any idea?");
        await WaitUntilAsync(async () => (await app.StateAsync(instanceId))?.Pending is not null, Patience, "the reply planned");
        var due = (await app.StateAsync(instanceId))!.Pending!.DueAt;

        // The webhook's intake runs before the deadline; only the raise (what races the timer) is timed.
        var (sender, other, text) = mentorSpeaks
            ? (Ana, student, "Here now: paste the first error line.")
            : (student, Ana, "Also: it only fails in Release.");
        var target = due + TimeSpan.FromMilliseconds(offsetMs);
        var late = app.Zulip.AddMessage(sender.Id, [other.Id], text, target);
        var outcome = await app.Get<MentorFunctions.Core.Intake.WebhookIntake>().HandleAsync(Payload(late, sender, other, text, target), "application/json", default);
        if (target - DateTimeOffset.UtcNow - TimeSpan.FromMilliseconds(20) is { Ticks: > 0 } coarse)
            await Task.Delay(coarse);
        while (DateTimeOffset.UtcNow < target)
            Thread.Yield();
        var raisedAfterDue = (DateTimeOffset.UtcNow - due).TotalMilliseconds;
        await app.SignalAsync(outcome.Conversation!, outcome.Message!);
        Assert.InRange(raisedAfterDue, offsetMs - 40, offsetMs + 250); // a loaded machine may raise it late, never early

        // SignalAsync returned only once the workflow's state showed the message: it was not lost. Now let it settle.
        var state = await app.StateAsync(instanceId);
        Assert.True(state!.HasSeen(first) && state.HasSeen(late));
        if (mentorSpeaks)
            Assert.Equal(late, state.LastMentorMessageId);
        var instance = await app.Client.GetInstanceAsync(instanceId);
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);

        if (mentorSpeaks)
        {
            // Whichever won, the AI replies at most once (the delivery's re-check just before posting is what stands
            // it down when the mentor's message came after the timer fired).
            await Task.Delay(TimeSpan.FromSeconds(5));
            var posts = app.Zulip.BotMessagesTo(Ana.Id, student.Id);
            Assert.InRange(posts.Count, 0, 1);
            return new CaseResult(student.Id, offsetMs, true, raisedAfterDue, posts.Count);
        }

        // The follow-up joined the burst (one reply) or came once the timer had fired (the delivery goes on, and the
        // follow-up opens a second burst: a second reply): the student is answered in every case, once per burst.
        await WaitUntilAsync(() => app.Zulip.BotMessagesTo(Ana.Id, student.Id).Count > 0, Patience, "the AI reply");
        await Task.Delay(TimeSpan.FromSeconds(5));
        var replies = app.Zulip.BotMessagesTo(Ana.Id, student.Id);
        Assert.InRange(replies.Count, 1, 2);
        Assert.All(replies, r => Assert.Contains("AI reply in Ana Lima's style", r.Content));
        return new CaseResult(student.Id, offsetMs, false, raisedAfterDue, replies.Count);
    }
}
