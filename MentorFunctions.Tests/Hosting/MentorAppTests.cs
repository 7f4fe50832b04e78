using MentorFunctions.Core.Admin;
using MentorFunctions.Core.Intake;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;

namespace MentorFunctions.Tests.Hosting;

/// <summary>The app composed from configuration, as the Functions host composes it, doing its main job once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MentorAppTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly MentorApp.User Ana = new(101, "ana@mentoring.example.com", "Ana Lima");
    private static readonly MentorApp.User Sam = new(201, "sam@mentoring.example.com", "Sam Park");

    [Fact]
    public async Task A_student_left_waiting_gets_one_labelled_reply_and_a_mentor_answer_stands_it_down()
    {
        await using var app = new MentorApp(azurite, Monday10);
        var registered = await app.Get<AdminApi>().RegisterMentorAsync(
            $$"""{"botEmail":"{{MentorApp.Bot}}","userId":{{Ana.Id}},"email":"{{Ana.Email}}","fullName":"{{Ana.FullName}}"}""", default);
        Assert.Equal(201, registered.Status);
        app.Zulip.Users[Sam.Id] = new LoopbackUser(Sam.Email, Sam.FullName, IsBot: false);

        // Before Ana agreed, Sam's message gets nothing: Ana is asked instead, and accepts.
        var (_, early) = await app.GroupMessageAsync(Sam, Ana, "Hi Ana, are you there?");
        Assert.Equal((IntakeKind.Ignored, IgnoreReason.PairNotEnrolled), (early.Kind, early.IgnoreReason));
        Assert.Contains($"`accept {Sam.Id}`", Assert.Single(app.Zulip.BotMessagesTo(Ana.Id)).Content);
        Assert.Contains("Sam Park is your student", MentorApp.ContentOf(await app.DirectMessageAsync(Ana, $"accept {Sam.Id}")));
        Assert.Equal(EnrolmentSource.MentorAccepted, (await app.Registry.GetPairAsync(MentorApp.Bot, Ana.Id, Sam.Id))!.Source);
        await app.Host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Empty(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        Assert.Empty(app.OpenAI.Requests);

        // First burst: the mentor stays silent, the stand-in answers once, labelled.
        var (_, outcome) = await app.GroupMessageAsync(Sam, Ana, "Hi Ana, I'm stuck on the recursion exercise, can you help?");
        Assert.Equal(IntakeKind.Conversation, outcome.Kind);
        Assert.Equal(200, outcome.StatusCode);
        await app.Host.AdvanceAsync(TimeSpan.FromHours(1));
        var posts = app.Zulip.BotMessagesTo(Ana.Id, Sam.Id);
        var post = Assert.Single(posts);
        Assert.Contains("AI reply in Ana Lima's style", post.Content);
        Assert.Empty(app.Zulip.ValidationErrors);
        Assert.Single(app.OpenAI.Requests);

        // Second burst: the mentor answers before the delay is up: no AI reply, no model call. Meanwhile status shows it.
        await app.GroupMessageAsync(Sam, Ana, "Another question about the tests?");
        await app.Host.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Contains("Pending AI replies:** Sam Park (in about", MentorApp.ContentOf(await app.DirectMessageAsync(Ana, "status")));
        await app.GroupMessageAsync(Ana, Sam, "Sure, show me the failing test.");
        await app.Host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        Assert.Single(app.OpenAI.Requests);
        Assert.Equal(0, app.Host.PendingTimerCount);

        // The mentor's status shows today's use of the limits: one AI reply so far.
        var status = MentorApp.ContentOf(await app.DirectMessageAsync(Ana, "status"));
        Assert.Contains("1 of 50 AI replies for you today", status);
        Assert.DoesNotContain("Pending AI replies", status);
    }

    [Fact]
    public async Task A_stressed_student_is_answered_sooner_and_the_mentor_sees_it_in_status()
    {
        await using var app = new MentorApp(azurite, Monday10);
        await app.Registry.UpsertMentorAsync(new MentorRecord(MentorApp.Bot, Ana.Id, Ana.Email, Ana.FullName, Monday10));
        await app.PairAsync(Ana, Sam);

        await app.GroupMessageAsync(Sam, Ana, "Question about the tests");
        await app.Host.AdvanceAsync(TimeSpan.FromSeconds(5));
        var calm = MentorApp.ContentOf(await app.DirectMessageAsync(Ana, "status"));
        Assert.Contains("Sam Park (in about", calm);
        Assert.DoesNotContain("sounds stressed", calm);
        await app.GroupMessageAsync(Ana, Sam, "Ask away.");
        await app.Host.AdvanceAsync(TimeSpan.FromHours(1));

        await app.GroupMessageAsync(Sam, Ana, "I'm so stressed and overwhelmed, nothing works");
        await app.Host.AdvanceAsync(TimeSpan.FromSeconds(5));
        var stressed = MentorApp.ContentOf(await app.DirectMessageAsync(Ana, "status"));
        Assert.Contains("sounds stressed", stressed);
        // The status names the mood, never the student's words.
        Assert.DoesNotContain("overwhelmed", stressed);
    }

    [Fact]
    public async Task Draft_mode_sends_the_mentor_a_draft_and_their_edit_reaches_the_student_as_their_own()
    {
        await using var app = new MentorApp(azurite, Monday10);
        await app.Registry.UpsertMentorAsync(new MentorRecord(MentorApp.Bot, Ana.Id, Ana.Email, Ana.FullName, Monday10));
        await app.PairAsync(Ana, Sam);
        var reply = await app.DirectMessageAsync(Ana, "mode draft");
        Assert.Contains("draft", reply.ResponseJson, StringComparison.OrdinalIgnoreCase);

        await app.GroupMessageAsync(Sam, Ana, "Could you review my pull request?");
        await app.Host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Empty(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        var draft = Assert.Single(app.Zulip.BotMessagesTo(Ana.Id));
        Assert.Contains("Draft 1 for", draft.Content);

        var profiles = app.Get<MentorFunctions.Core.Style.IStyleProfileReader>();
        Assert.Equal(0, (await profiles.ReadMentorAsync(MentorApp.Bot, Ana.Id)).MessagesSeen);
        var answer = await app.DirectMessageAsync(Ana, "edit 1 Sure Sam, I'll look at it tonight!");
        Assert.Equal(200, answer.StatusCode);
        var sent = Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        Assert.StartsWith("Sure Sam, I'll look at it tonight!", sent.Content);
        Assert.Contains("from Ana Lima", sent.Content);
        Assert.DoesNotContain("AI reply", sent.Content);
        // The mentor's rewrite is learned as their own message: the best style signal there is.
        Assert.Equal(1, (await profiles.ReadMentorAsync(MentorApp.Bot, Ana.Id)).MessagesSeen);
        Assert.Empty(app.Zulip.ValidationErrors);
    }

    [Fact]
    public async Task A_draft_is_discarded_when_the_mentor_answers_the_student_in_person()
    {
        await using var app = new MentorApp(azurite, Monday10);
        await app.Registry.UpsertMentorAsync(new MentorRecord(MentorApp.Bot, Ana.Id, Ana.Email, Ana.FullName, Monday10, ReplyMode.Draft));
        await app.PairAsync(Ana, Sam);
        await app.GroupMessageAsync(Sam, Ana, "Could you review my pull request?");
        await app.Host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(app.Zulip.BotMessagesTo(Ana.Id));

        await app.GroupMessageAsync(Ana, Sam, "Reviewed it, two small comments.");
        await app.Host.AdvanceAsync(TimeSpan.FromMinutes(1));
        var send = await app.DirectMessageAsync(Ana, "send");
        Assert.Equal(200, send.StatusCode);
        Assert.Empty(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
    }

    [Fact]
    public async Task A_mentors_own_quiet_hours_in_their_time_zone_hold_a_reply_until_their_morning()
    {
        await using var app = new MentorApp(azurite, new DateTimeOffset(2026, 3, 2, 22, 0, 0, TimeSpan.Zero));
        await app.Registry.UpsertMentorAsync(new MentorRecord(MentorApp.Bot, Ana.Id, Ana.Email, Ana.FullName, Monday10));
        await app.PairAsync(Ana, Sam);
        var set = await app.DirectMessageAsync(Ana, "quiet 19-8 America/Sao_Paulo");
        Assert.Contains("Quiet hours set: 19:00–08:00 America/Sao_Paulo", MentorApp.ContentOf(set));

        // 22:00 UTC is 19:00 in São Paulo: the student waits until 08:00 there (11:00 UTC).
        await app.GroupMessageAsync(Sam, Ana, "Are you around tonight?");
        await app.Host.AdvanceAsync(TimeSpan.FromHours(12.9));
        Assert.Empty(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        await app.Host.AdvanceAsync(TimeSpan.FromHours(1));
        var reply = Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        Assert.InRange(DateTimeOffset.FromUnixTimeSeconds(reply.Timestamp), new DateTimeOffset(2026, 3, 3, 11, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 3, 11, 50, 0, TimeSpan.Zero));

        var status = await app.DirectMessageAsync(Ana, "status");
        Assert.Contains("Quiet hours:", MentorApp.ContentOf(status));
        var off = await app.DirectMessageAsync(Ana, "quiet off");
        Assert.Contains("removed", MentorApp.ContentOf(off));
        Assert.Null((await app.Registry.GetMentorAsync(MentorApp.Bot, Ana.Id))!.QuietHours);
    }

    [Fact]
    public async Task A_declined_student_is_unpaired_gets_no_reply_and_the_mentor_is_not_asked_again()
    {
        await using var app = new MentorApp(azurite, Monday10);
        await app.Registry.UpsertMentorAsync(new MentorRecord(MentorApp.Bot, Ana.Id, Ana.Email, Ana.FullName, Monday10));
        await app.PairAsync(Ana, Sam);

        Assert.Contains("won't ask again", MentorApp.ContentOf(await app.DirectMessageAsync(Ana, $"decline {Sam.Id}")));
        var (_, outcome) = await app.GroupMessageAsync(Sam, Ana, "Hello?");
        await app.Host.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Equal(IgnoreReason.MentorDeclined, outcome.IgnoreReason);
        Assert.Null(await app.Registry.GetPairAsync(MentorApp.Bot, Ana.Id, Sam.Id));
        Assert.Empty(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        Assert.Empty(app.Zulip.BotMessagesTo(Ana.Id));
        Assert.Empty(app.OpenAI.Requests);
    }
}
