using System.Text.RegularExpressions;
using MentorFunctions.Tests.Fixtures;

namespace MentorFunctions.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed partial class ForgetTests(AzuriteFixture azurite)
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
        await h.Drafts.SaveAsync(ControlsHarness.Bot, Ann, Stu, "draft for Stu", default);
        await h.Drafts.SaveAsync(ControlsHarness.Bot, Bob, Stu, "Bob's draft for Stu", default);
        await h.Drafts.SaveAsync(ControlsHarness.Bot, Ann, Sam, "draft for Sam", default);
        return h;
    }

    private static string CodeIn(string answer) => ConfirmCode().Match(answer).Groups[1].Value;

    [GeneratedRegex(@"forget confirm ([A-Z0-9]+)")]
    private static partial Regex ConfirmCode();

    [Fact]
    public async Task A_confirmed_forget_leaves_nothing_about_a_mentor_and_keeps_others_data()
    {
        var h = await SetUpAsync("forgetmentor");
        Assert.NotEmpty(await h.EntitiesMentioningAsync(Ann));

        var code = CodeIn(await h.SayAsync(Ann, "forget"));
        Assert.Equal(6, code.Length);
        Assert.NotEmpty(await h.EntitiesMentioningAsync(Ann));

        var done = await h.SayAsync(Ann, $"forget confirm {code.ToLowerInvariant()}");
        Assert.Contains("Done", done);

        Assert.Empty(await h.EntitiesMentioningAsync(Ann));
        Assert.Null(await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann));
        // Bob's records stay, Stu's pair with Bob and Bob's draft for Stu included.
        Assert.NotNull(await h.Registry.GetMentorAsync(ControlsHarness.Bot, Bob));
        Assert.NotNull(await h.Registry.GetPairAsync(ControlsHarness.Bot, Bob, Stu));
        Assert.Single(await h.Drafts.ListAsync(ControlsHarness.Bot, Bob, default));
    }

    [Fact]
    public async Task A_confirmed_forget_leaves_nothing_about_a_student()
    {
        var h = await SetUpAsync("forgetstudent");
        var code = CodeIn(await h.SayAsync(Stu, "delete my data"));
        await h.SayAsync(Stu, $"forget confirm {code}");

        Assert.Empty(await h.EntitiesMentioningAsync(Stu));
        Assert.Empty(await h.Registry.ListMentorsOfStudentAsync(ControlsHarness.Bot, Stu));
        Assert.NotNull(await h.Registry.GetPairAsync(ControlsHarness.Bot, Ann, Sam));
        Assert.Single(await h.Drafts.ListAsync(ControlsHarness.Bot, Ann, default)); // Sam's draft stays
    }

    [Fact]
    public async Task A_wrong_or_expired_code_deletes_nothing()
    {
        var h = await SetUpAsync("forgetwrong");
        var code = CodeIn(await h.SayAsync(Ann, "forget"));
        var wrong = code == "AAAAAA" ? "BBBBBB" : "AAAAAA";

        Assert.Contains("doesn't match", await h.SayAsync(Ann, $"forget confirm {wrong}"));
        Assert.NotNull(await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann));

        h.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Contains("expired", await h.SayAsync(Ann, $"forget confirm {code}"));
        Assert.NotNull(await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann));
        Assert.Equal(2, (await h.Registry.ListStudentsAsync(ControlsHarness.Bot, Ann)).Count);
    }

    [Fact]
    public async Task Another_users_code_does_not_work_and_a_code_is_single_use()
    {
        var h = await SetUpAsync("forgetother");
        var annCode = CodeIn(await h.SayAsync(Ann, "forget"));
        Assert.Contains("no pending", await h.SayAsync(Bob, $"forget confirm {annCode}"));
        Assert.NotNull(await h.Registry.GetMentorAsync(ControlsHarness.Bot, Bob));

        await h.SayAsync(Ann, $"forget confirm {annCode}");
        Assert.Contains("no pending", await h.SayAsync(Ann, $"forget confirm {annCode}"));
    }

    [Fact]
    public async Task Too_many_wrong_codes_cancel_the_request()
    {
        var h = await SetUpAsync("forgetbrute");
        var code = CodeIn(await h.SayAsync(Ann, "forget"));
        var wrong = code == "AAAAAA" ? "BBBBBB" : "AAAAAA";
        for (var i = 0; i < 4; i++)
            await h.SayAsync(Ann, $"forget confirm {wrong}");
        Assert.Contains("Too many", await h.SayAsync(Ann, $"forget confirm {wrong}"));
        Assert.Contains("no pending", await h.SayAsync(Ann, $"forget confirm {code}"));
        Assert.NotNull(await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann));
    }

    [Fact]
    public async Task Cancel_drops_the_pending_request()
    {
        var h = await SetUpAsync("forgetcancel");
        var code = CodeIn(await h.SayAsync(Ann, "forget"));
        Assert.Contains("Cancelled", await h.SayAsync(Ann, "forget cancel"));
        Assert.Contains("no pending", await h.SayAsync(Ann, $"forget confirm {code}"));
        Assert.NotNull(await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann));
    }
}
