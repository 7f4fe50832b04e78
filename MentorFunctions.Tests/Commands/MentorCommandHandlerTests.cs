using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;

namespace MentorFunctions.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class MentorCommandHandlerTests(AzuriteFixture azurite)
{
    private const long Ann = 11, Bob = 12, Stu = 21, Sam = 22;

    private async Task<ControlsHarness> SetUpAsync(string hint)
    {
        var h = new ControlsHarness(azurite, hint);
        await h.AddMentorAsync(Ann, "Ann Lee");
        await h.AddMentorAsync(Bob, "Bob Ray");
        await h.PairAsync(Ann, Stu, "Stu Dent");
        await h.PairAsync(Ann, Sam, "Sam Pupil");
        await h.PairAsync(Bob, Stu, "Stu Dent");
        return h;
    }

    [Fact]
    public async Task A_mentor_pauses_for_a_duration_and_resumes()
    {
        var h = await SetUpAsync("pause");
        var answer = await h.SayAsync(Ann, "@**Mentor Bot** Pause 2h", "Ann Lee");
        Assert.Contains("2 hours", answer);
        Assert.Equal(h.Time.GetUtcNow().AddHours(2), (await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann))!.PausedUntil);

        Assert.Contains("paused until", await h.SayAsync(Ann, "status"));

        await h.SayAsync(Ann, "resume");
        Assert.Null((await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann))!.PausedUntil);
        Assert.Contains("not paused", await h.SayAsync(Ann, "status"));
    }

    [Fact]
    public async Task Pause_without_a_duration_lasts_until_resume()
    {
        var h = await SetUpAsync("pauseopen");
        await h.SayAsync(Ann, "pause");
        Assert.Equal(MentorCommandHandler.UntilResumed, (await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann))!.PausedUntil);
        h.Time.Advance(TimeSpan.FromDays(400));
        Assert.Contains("until you `resume`", await h.SayAsync(Ann, "status"));
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("pause 2h")]
    [InlineData("resume")]
    [InlineData("mode off")]
    [InlineData("persona Be rude")]
    [InlineData("persona clear")]
    [InlineData("students")]
    [InlineData("send")]
    [InlineData("edit hi")]
    [InlineData("skip")]
    [InlineData("mode sometimes")]
    public async Task A_student_cannot_change_mentor_settings(string text)
    {
        var h = await SetUpAsync("studentrefused");
        var before = await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann);
        await h.Drafts.SaveAsync(ControlsHarness.Bot, Ann, Stu, "draft", default);

        var answer = await h.SayAsync(Stu, text, "Stu Dent");

        Assert.Contains("only registered mentors", answer);
        Assert.Equal(before, await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann));
        Assert.Null(await h.Registry.GetMentorAsync(ControlsHarness.Bot, Stu));
        Assert.Single(await h.Drafts.ListAsync(ControlsHarness.Bot, Ann, default));
        Assert.Empty(h.Poster.Posts);
    }

    [Theory]
    [InlineData("pause @**Bob Ray** 2h")]
    [InlineData("mode off @**Bob Ray|12**")]
    [InlineData("resume @_**Bob Ray|12**")]
    public async Task A_mentor_cannot_change_another_mentors_settings(string text)
    {
        var h = await SetUpAsync("othermentor");
        await h.SayAsync(Bob, "pause 1h", "Bob Ray");
        var bobBefore = await h.Registry.GetMentorAsync(ControlsHarness.Bot, Bob);
        var annBefore = await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann);

        var answer = await h.SayAsync(Ann, text, "Ann Lee");

        Assert.Contains("only change your own settings", answer);
        Assert.Equal(bobBefore, await h.Registry.GetMentorAsync(ControlsHarness.Bot, Bob));
        Assert.Equal(annBefore, await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann));
    }

    [Fact]
    public async Task Naming_oneself_is_allowed()
    {
        var h = await SetUpAsync("self");
        await h.SayAsync(Ann, "mode draft @**Ann Lee|11**", "Ann Lee");
        Assert.Equal(ReplyMode.Draft, (await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann))!.Mode);
    }

    [Fact]
    public async Task Mode_and_persona_change_only_the_senders_record()
    {
        var h = await SetUpAsync("modepersona");
        await h.SayAsync(Ann, "mode draft");
        await h.SayAsync(Ann, "persona I teach *Rust*; keep it short.");
        var ann = (await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann))!;
        Assert.Equal(ReplyMode.Draft, ann.Mode);
        Assert.Equal("I teach *Rust*; keep it short.", ann.Persona);
        Assert.Contains("I teach *Rust*; keep it short.", await h.SayAsync(Ann, "persona"));

        var bob = (await h.Registry.GetMentorAsync(ControlsHarness.Bot, Bob))!;
        Assert.Equal(ReplyMode.Auto, bob.Mode);
        Assert.Null(bob.Persona);

        await h.SayAsync(Ann, "persona clear");
        Assert.Null((await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann))!.Persona);
    }

    [Fact]
    public async Task Status_tells_a_mentor_their_style_mode_and_students()
    {
        var h = await SetUpAsync("status");
        await h.SayAsync(Ann, "mode off");
        var answer = await h.SayAsync(Ann, "status");
        Assert.Contains(h.Describer.Calls, c => c.MentorId == Ann);
        Assert.Contains("Short, friendly answers", answer);
        Assert.Contains("`off`", answer);
        Assert.Contains("**Students:** 2", answer);
    }

    [Fact]
    public async Task Students_lists_the_mentors_own_students()
    {
        var h = await SetUpAsync("students");
        var answer = await h.SayAsync(Ann, "my students");
        Assert.Contains("Stu Dent|21", answer);
        Assert.Contains("Sam Pupil|22", answer);
        var bobs = await h.SayAsync(Bob, "students");
        Assert.DoesNotContain("Sam Pupil", bobs);
    }

    [Theory]
    [InlineData("students")]
    [InlineData("status")]
    [InlineData("persona")]
    [InlineData("send")]
    [InlineData("edit 1 hello")]
    [InlineData("forget")]
    [InlineData("mode off")]
    [InlineData("accept 21")]
    public async Task In_a_channel_nothing_private_is_answered_and_nothing_changes(string text)
    {
        var h = await SetUpAsync("channel");
        await h.SayAsync(Ann, "persona I teach Python to beginners");

        var answer = await h.SayInChannelAsync(Ann, "@**Mentor Bot** " + text, "Ann Lee");

        Assert.NotNull(answer);
        Assert.Contains("direct message", answer);
        foreach (var secret in new[] { "Stu Dent", "Sam Pupil", "|21", "Python", "Mode:", "code" })
            Assert.DoesNotContain(secret, answer);
        var ann = (await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann))!;
        Assert.Equal((ReplyMode.Auto, "I teach Python to beginners"), (ann.Mode, ann.Persona));
        Assert.Equal(2, (await h.Registry.ListStudentsAsync(ControlsHarness.Bot, Ann)).Count);
    }

    [Fact]
    public async Task In_a_channel_help_is_answered_and_a_group_mention_or_chatter_gets_no_answer()
    {
        var h = await SetUpAsync("channel-help");

        var help = await h.SayInChannelAsync(Ann, "@**Mentor Bot** help", "Ann Lee");
        var groupMention = await h.SayInChannelAsync(Stu, "@*mentors* can someone look at my PR?", "Stu Dent");

        Assert.Contains("`help`", help);
        Assert.Contains("direct message", help);
        Assert.DoesNotContain("students", help);
        Assert.Null(groupMention);
    }

    [Fact]
    public async Task Human_tells_a_student_who_their_mentors_are()
    {
        var h = await SetUpAsync("human");
        var answer = await h.SayAsync(Stu, "talk to my mentor", "Stu Dent");
        Assert.Contains("@_**Ann Lee|11**", answer);
        Assert.Contains("@_**Bob Ray|12**", answer);
        var stranger = await h.SayAsync(99, "human");
        Assert.Contains("don't have a mentor on record", stranger);
    }

    [Fact]
    public async Task Unknown_text_is_answered_with_help_for_the_senders_role()
    {
        var h = await SetUpAsync("unknown");
        var mentorHelp = await h.SayAsync(Ann, "what is the meaning of life");
        Assert.Contains("didn't understand", mentorHelp);
        Assert.Contains("`pause`", mentorHelp);
        var studentHelp = await h.SayAsync(Stu, "blah");
        Assert.Contains("`human`", studentHelp);
        Assert.DoesNotContain("`mode auto`", studentHelp);
    }

    [Fact]
    public async Task An_invalid_argument_gets_its_reason()
    {
        var h = await SetUpAsync("invalid");
        Assert.Contains("durations like", await h.SayAsync(Ann, "pause until monday"));
        Assert.Null((await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann))!.PausedUntil);
    }
}
