using System.Text.RegularExpressions;
using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Tests.Commands;

/// <summary>
/// Zulip re-sends a webhook it got no answer to within 10 s: the same body, the same message id. A command that changes
/// something runs once; the re-send is answered with the first answer.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ResentCommandTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly MentorApp.User Ana = new(101, "ana@mentoring.example.com", "Ana Lima");
    private static readonly MentorApp.User Sam = new(201, "sam@mentoring.example.com", "Sam Park");

    /// <summary>A DM command as Zulip sends it, kept so it can be sent again.</summary>
    private static byte[] Command(MentorApp app, MentorApp.User sender, string text)
    {
        var id = app.Zulip.AddMessage(sender.Id, [], text, app.Host.UtcNow);
        return MentorApp.GroupDmPayload(id, sender, [sender], text, app.Host.UtcNow);
    }

    private static async Task<string> PostAsync(MentorApp app, byte[] body) => MentorApp.ContentOf(await app.PostWebhookAsync(body));

    [Fact]
    public async Task A_resent_timed_pause_keeps_the_first_end_and_answer()
    {
        await using var app = new MentorApp(azurite, Monday10);
        await app.Registry.UpsertMentorAsync(new MentorRecord(MentorApp.Bot, Ana.Id, Ana.Email, Ana.FullName, Monday10));
        var pause = Command(app, Ana, "pause 2h");

        var first = await PostAsync(app, pause);
        await app.Host.AdvanceAsync(TimeSpan.FromSeconds(70)); // Zulip's re-send comes after its timeout
        var again = await PostAsync(app, pause);

        Assert.Contains("until 2026-03-02 12:00 UTC", first);
        Assert.Equal(first, again);
        Assert.Equal(Monday10.AddHours(2), (await app.Registry.GetMentorAsync(MentorApp.Bot, Ana.Id))!.PausedUntil);

        // A new message with the same text is a new command.
        await PostAsync(app, Command(app, Ana, "pause 2h"));
        Assert.Equal(Monday10.AddSeconds(70).AddHours(2), (await app.Registry.GetMentorAsync(MentorApp.Bot, Ana.Id))!.PausedUntil);
    }

    [Fact]
    public async Task A_resent_send_posts_the_draft_once_and_answers_the_same_even_when_both_arrive_at_once()
    {
        await using var app = new MentorApp(azurite, Monday10);
        await app.Registry.UpsertMentorAsync(new MentorRecord(MentorApp.Bot, Ana.Id, Ana.Email, Ana.FullName, Monday10, ReplyMode.Draft));
        await app.PairAsync(Ana, Sam);
        await app.GroupMessageAsync(Sam, Ana, "Could you review my pull request?");
        await app.Host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(app.Zulip.BotMessagesTo(Ana.Id)); // the draft, privately to Ana
        var send = Command(app, Ana, "send");

        var answers = await Task.WhenAll(Task.Run(() => PostAsync(app, send)), Task.Run(() => PostAsync(app, send)));
        var third = await PostAsync(app, send);

        Assert.Contains("Sent draft", answers[0]);
        Assert.Equal([answers[0], answers[0]], new[] { answers[1], third });
        Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
    }

    [Fact]
    public async Task A_resent_forget_confirm_answers_done_again_and_its_row_names_nobody()
    {
        await using var app = new MentorApp(azurite, Monday10);
        await app.Registry.UpsertMentorAsync(new MentorRecord(MentorApp.Bot, Ana.Id, Ana.Email, Ana.FullName, Monday10));
        await app.PairAsync(Ana, Sam);
        var forget = Command(app, Sam, "forget");
        var asked = await PostAsync(app, forget);
        Assert.Equal(asked, await PostAsync(app, forget)); // the same code, not a second one
        var confirm = Command(app, Sam, "forget confirm " + ConfirmCode().Match(asked).Groups[1].Value);

        var first = await PostAsync(app, confirm);
        var again = await PostAsync(app, confirm);

        Assert.StartsWith("Done: I deleted everything", first);
        Assert.Equal(first, again);
        Assert.Empty(await app.Registry.ListMentorsOfStudentAsync(MentorApp.Bot, Sam.Id));
        // Only the queued purge of Sam's orchestration histories is left, as after any `forget`.
        Assert.All(await StoredRows.MentioningAsync(app.Get<TableStore>(), Sam.Id, Sam.Email),
            row => Assert.Contains(MentorFunctions.Core.Privacy.HistoryPurgeRequests.TableName, row));
    }

    [GeneratedRegex(@"forget confirm ([A-Z0-9]+)")]
    private static partial Regex ConfirmCode();

    [Fact]
    public async Task A_resend_while_the_first_call_runs_waits_for_its_answer_and_a_failed_call_may_run_again()
    {
        var store = azurite.CreateStore("resend");
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Monday10);
        var options = Options.Create(new ControlsOptions { CommandReplayWait = TimeSpan.FromSeconds(3) });
        var inner = new GatedCommandHandler();
        var registry = new TableMentorRegistry(store);
        // Ana chose German: the guard's own answer follows her setting, like every other answer to her.
        await registry.UpsertMentorAsync(new MentorRecord(MentorApp.Bot, Ana.Id, Ana.Email, Ana.FullName, Monday10) { Language = "de" });
        var answerLanguage = new CommandAnswerLanguage(registry,
            new MentorFunctions.Core.Languages.MentorLanguages(NullLogger<MentorFunctions.Core.Languages.MentorLanguages>.Instance),
            new FixedStudentLanguages());
        var guard = new ReplayGuardedCommandHandler(inner, new HandledCommandStore(store, time, options), answerLanguage, options,
            NullLogger<ReplayGuardedCommandHandler>.Instance);
        var pause = new CommandRequest(MentorApp.Bot, Ana.Id, Ana.Email, Ana.FullName, "pause 2h", true, 5001);

        var first = guard.HandleAsync(pause, default);
        await inner.Started.Task;
        // The first call outlives the re-send's wait: the re-send says so, in Ana's language, and does not run the command.
        Assert.Equal(MentorFunctions.Core.Languages.Texts.CommandTexts.StillRunning.Template("de"), (await guard.HandleAsync(pause, default)).Content);
        Assert.StartsWith("Ich bin noch mit dieser Nachricht", MentorFunctions.Core.Languages.Texts.CommandTexts.StillRunning.Template("de"), StringComparison.Ordinal);
        var waiting = guard.HandleAsync(pause, default);
        inner.Gate.SetResult();
        Assert.Equal("ran 1", (await first).Content);
        Assert.Equal("ran 1", (await waiting).Content);
        Assert.Equal(1, inner.Runs);

        // A command that failed left nothing to replay: its re-send runs it.
        var failing = pause with { MessageId = 5002 };
        inner.FailNext = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => guard.HandleAsync(failing, default));
        Assert.Equal("ran 3", (await guard.HandleAsync(failing, default)).Content);

        // Read-only commands are not remembered; the same message id from another sender is not a re-send.
        Assert.Equal("ran 4", (await guard.HandleAsync(pause with { MessageId = 5003, Text = "status" }, default)).Content);
        Assert.Equal("ran 5", (await guard.HandleAsync(pause with { MessageId = 5003, Text = "status" }, default)).Content);
        Assert.Equal("ran 6", (await guard.HandleAsync(pause with { SenderId = Sam.Id }, default)).Content);
    }

    [Fact]
    public async Task Remembered_commands_expire_and_the_privacy_maintenance_deletes_them()
    {
        var store = azurite.CreateStore("resentexpiry");
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Monday10);
        var handled = new HandledCommandStore(store, time, Options.Create(new ControlsOptions()));
        await handled.AnswerAsync(MentorApp.Bot, 7001, Ana.Id, "Paused", default);
        await handled.AnswerAsync(MentorApp.Bot, 7002, Sam.Id, "Paused", default);
        var maintenance = new MentorFunctions.Core.Privacy.PrivacyMaintenance(
            new MentorFunctions.Core.Privacy.HistoryPurgeRequests(store, time), [handled], store,
            Options.Create(new MentorFunctions.Core.Privacy.PrivacyOptions()), time,
            NullLogger<MentorFunctions.Core.Privacy.PrivacyMaintenance>.Instance);

        Assert.Equal(1, await handled.DeleteUserAsync(MentorApp.Bot, Sam.Id, default));
        Assert.Equal(0, (await maintenance.RunAsync(new NoDurableHistories(), default)).ExpiredDeleted);
        time.Advance(new ControlsOptions().CommandReplayWindow + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await maintenance.RunAsync(new NoDurableHistories(), default)).ExpiredDeleted);
        Assert.False((await handled.ClaimAsync(MentorApp.Bot, 7001, Ana.Id, default)).Answered);
    }

    private sealed class GatedCommandHandler : ICommandHandler
    {
        private int _runs;
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool FailNext { get; set; }
        public int Runs => _runs;

        public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
        {
            var run = Interlocked.Increment(ref _runs);
            Started.TrySetResult();
            await Gate.Task;
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("storage said no");
            }
            return new CommandReply($"ran {run}");
        }
    }
}
