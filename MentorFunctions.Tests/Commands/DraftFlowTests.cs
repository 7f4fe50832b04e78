using MentorFunctions.Core.Commands;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFunctions.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class DraftFlowTests(AzuriteFixture azurite)
{
    private const long Ann = 11, Bob = 12, Stu = 21, Sam = 22;
    private const string Bot = ControlsHarness.Bot;

    private async Task<ControlsHarness> SetUpAsync(string hint)
    {
        var h = new ControlsHarness(azurite, hint);
        await h.AddMentorAsync(Ann, "Ann Lee");
        await h.AddMentorAsync(Bob, "Bob Ray");
        await h.PairAsync(Ann, Stu, "Stu Dent");
        await h.PairAsync(Ann, Sam, "Sam Pupil");
        return h;
    }

    [Fact]
    public async Task Drafts_are_numbered_per_mentor_and_send_takes_the_newest()
    {
        var h = await SetUpAsync("draftsend");
        var first = await h.Drafts.SaveAsync(Bot, Ann, Stu, "Try `cargo check` first.", default);
        var second = await h.Drafts.SaveAsync(Bot, Ann, Sam, "Looks right to me!", default);
        var bobs = await h.Drafts.SaveAsync(Bot, Bob, Stu, "Bob's", default);
        Assert.Equal([1L, 2L, 1L], [first.DraftId, second.DraftId, bobs.DraftId]);

        var answer = await h.SayAsync(Ann, "send");
        Assert.Contains("draft 2", answer);
        var post = Assert.Single(h.Poster.Posts);
        Assert.Equal((Bot, Ann, Sam, false), (post.Bot, post.MentorId, post.StudentId, post.Edited));
        Assert.StartsWith("Looks right to me!", post.Content);
        Assert.Contains("AI draft, approved by Ann Lee", post.Content);

        await h.SayAsync(Ann, "send 1");
        Assert.Equal(2, h.Poster.Posts.Count);
        Assert.StartsWith("Try `cargo check` first.", h.Poster.Posts.Last().Content);

        Assert.Contains("no pending drafts", await h.SayAsync(Ann, "send"));
        Assert.Equal(2, h.Poster.Posts.Count);
        Assert.Empty(h.Feedback.Edits);
    }

    [Fact]
    public async Task Edit_sends_the_mentors_exact_words_labelled_as_theirs_and_teaches_the_profile()
    {
        var h = await SetUpAsync("draftedit");
        var draft = await h.Drafts.SaveAsync(Bot, Ann, Stu, "You could maybe try restarting?", default);
        const string mine = "Restart the **kernel**, then run cell 3.\nPing me if it fails.";

        var answer = await h.SayAsync(Ann, $"@**Mentor Bot** edit {draft.DraftId}\n{mine}");

        Assert.Contains("your version", answer);
        var post = Assert.Single(h.Poster.Posts);
        Assert.True(post.Edited);
        Assert.Equal(DraftDecisionHandler.EditedContent("Ann Lee", mine), post.Content);
        Assert.StartsWith(mine, post.Content);
        Assert.Contains("✍️ from Ann Lee", post.Content);
        var edit = Assert.Single(h.Feedback.Edits);
        Assert.Equal((Bot, Ann, Stu, "You could maybe try restarting?", mine), edit);
        Assert.Empty(await h.Drafts.ListAsync(Bot, Ann, default));
    }

    [Fact]
    public async Task Skip_discards_without_posting()
    {
        var h = await SetUpAsync("draftskip");
        await h.Drafts.SaveAsync(Bot, Ann, Stu, "meh", default);
        var keep = await h.Drafts.SaveAsync(Bot, Ann, Sam, "keep me", default);
        Assert.Contains("discarded", await h.SayAsync(Ann, "skip 1"));
        Assert.Empty(h.Poster.Posts);
        var left = Assert.Single(await h.Drafts.ListAsync(Bot, Ann, default));
        Assert.Equal(keep.DraftId, left.DraftId);
    }

    [Fact]
    public async Task A_mentor_cannot_decide_another_mentors_draft()
    {
        var h = await SetUpAsync("draftother");
        await h.Drafts.SaveAsync(Bot, Ann, Stu, "Ann's", default);
        Assert.Contains("no pending draft 1", await h.SayAsync(Bob, "send 1"));
        Assert.Contains("no pending drafts", await h.SayAsync(Bob, "skip"));
        Assert.Empty(h.Poster.Posts);
        Assert.Single(await h.Drafts.ListAsync(Bot, Ann, default));
    }

    [Fact]
    public async Task A_failed_post_keeps_the_draft_for_another_try()
    {
        var h = await SetUpAsync("draftfail");
        await h.Drafts.SaveAsync(Bot, Ann, Stu, "hello", default);
        h.Poster.Fail = true;
        var decisions = h.Provider.GetRequiredService<DraftDecisionHandler>();
        var failed = await decisions.SendAsync(Bot, Ann, null, default);
        Assert.Equal(DraftDecisionOutcome.Failed, failed.Outcome);
        Assert.Single(await h.Drafts.ListAsync(Bot, Ann, default));

        h.Poster.Fail = false;
        var sent = await decisions.SendAsync(Bot, Ann, null, default);
        Assert.Equal(DraftDecisionOutcome.Sent, sent.Outcome);
        Assert.Equal(1, sent.DraftId);
        Assert.NotNull(sent.PostedMessageId);
        Assert.Single(h.Poster.Posts);
    }

    [Fact]
    public async Task A_stale_draft_or_one_for_a_removed_pair_is_discarded_not_sent()
    {
        var h = await SetUpAsync("draftstale");
        var decisions = h.Provider.GetRequiredService<DraftDecisionHandler>();
        await h.Drafts.SaveAsync(Bot, Ann, Stu, "old", default);
        h.Time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(DraftDecisionOutcome.Expired, (await decisions.SendAsync(Bot, Ann, null, default)).Outcome);

        await h.Drafts.SaveAsync(Bot, Ann, Sam, "for Sam", default);
        await h.Registry.RemovePairAsync(Bot, Ann, Sam);
        Assert.Equal(DraftDecisionOutcome.PairGone, (await decisions.EditAsync(Bot, Ann, null, "new", default)).Outcome);

        Assert.Empty(h.Poster.Posts);
        Assert.Empty(h.Feedback.Edits);
        Assert.Empty(await h.Drafts.ListAsync(Bot, Ann, default));
    }

    [Fact]
    public async Task Concurrent_sends_of_one_draft_post_it_once()
    {
        var h = await SetUpAsync("draftrace");
        await h.Drafts.SaveAsync(Bot, Ann, Stu, "once", default);
        var decisions = h.Provider.GetRequiredService<DraftDecisionHandler>();
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => decisions.SendAsync(Bot, Ann, 1, default))));
        Assert.Single(results, r => r.Outcome == DraftDecisionOutcome.Sent);
        Assert.Single(h.Poster.Posts);
    }

    [Fact]
    public async Task Concurrent_saves_get_distinct_numbers()
    {
        var h = await SetUpAsync("draftids");
        var drafts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => h.Drafts.SaveAsync(Bot, Ann, Stu, $"d{i}", default))));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), drafts.Select(d => d.DraftId).Order());
    }
}
