using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Zulip;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFunctions.Tests.Replies;

[Collection(AzuriteCollection.Name)]
public sealed class ReplyDelivererTests(AzuriteFixture azurite)
{
    private const long Mentor = ReplyHarness.Mentor, Student = ReplyHarness.Student;

    [Fact]
    public async Task Posts_one_labelled_reply_to_the_group_DM_and_audits_it()
    {
        await using var h = new ReplyHarness(azurite);
        h.Zulip.AddMessage(Mentor, [Student], "Welcome! Ask me anything.");
        h.Zulip.AddMessage(ReplyHarness.BotId, [Mentor, Student], "🤖 *AI reply in Ana Lima's style — Ana Lima will follow up.*\n\nAn earlier AI answer.");
        h.OpenAI.Enqueue(LoopbackOpenAIServer.Completion("Try a LEFT JOIN on the user id 🙂", promptTokens: 300, completionTokens: 12));
        var input = h.StudentAsks("how do I join two tables?", "the ids are in both");

        var result = await h.Deliverer.DeliverAsync(input);

        Assert.Equal(DeliveryOutcome.Posted, result.Outcome);
        var post = h.GroupPosts()[^1];
        Assert.Equal(2, h.GroupPosts().Count);
        Assert.Equal(post.Id, result.PostedMessageId);
        Assert.StartsWith("🤖 *AI reply in Ana Lima's style — Ana Lima will follow up.*\n\nTry a LEFT JOIN", post.Content);
        Assert.Empty(h.MentorNotices());

        var call = Assert.Single(h.OpenAI.Requests);
        Assert.Equal("system", call.Messages[0].Role);
        Assert.DoesNotContain("join two tables", call.Messages[0].Content);
        // The mentor's message and the earlier AI reply (its label stripped) are one assistant turn.
        Assert.Equal(("assistant", "Welcome! Ask me anything.\n\nAn earlier AI answer."), call.Messages[1]);
        Assert.Equal(("user", "how do I join two tables?\n\nthe ids are in both"), call.Messages[^1]);

        var typing = h.Zulip.Requests.Where(r => LoopbackZulipServer.Operation(r) == "set-typing-status").Select(r => r.Form["op"]).ToArray();
        Assert.Equal(["start", "stop"], typing);

        var audit = Assert.Single(await h.Audit.ListAsync(input.Conversation));
        Assert.Equal((DeliveryOutcome.Posted, 300, 12, 7, 42.5, post.Id), (audit.Outcome, audit.PromptTokens, audit.CompletionTokens, audit.ProfileVersion, audit.DelaySeconds, audit.PostedMessageId));
        Assert.Null(audit.Content);

        // The step replayed after it ended returns the same result and posts nothing more.
        Assert.Equal(result, await h.Deliverer.DeliverAsync(input));
        Assert.Equal(2, h.GroupPosts().Count);
        Assert.Single(h.OpenAI.Requests);
    }

    [Fact]
    public async Task Audit_keeps_content_only_when_configured()
    {
        await using var h = new ReplyHarness(azurite, o => o.AuditIncludeContent = true);
        var input = h.StudentAsks("hello?");
        await h.Deliverer.DeliverAsync(input);
        var audit = Assert.Single(await h.Audit.ListAsync(input.Conversation));
        Assert.Contains(h.OpenAI.DefaultText, audit.Content);
    }

    [Fact]
    public async Task Zulip_rate_limit_on_the_post_is_retried_by_the_step_with_one_model_call_and_one_post()
    {
        await using var h = new ReplyHarness(azurite);
        h.Zulip.EnqueueFault("send-message", LoopbackZulipServer.RateLimited("2.5"));
        var result = await h.RunStepAsync(h.StudentAsks("is chapter 3 needed?"));

        Assert.Equal(DeliveryOutcome.Posted, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(2.5), Assert.Single(h.Retries).RetryAfter);
        Assert.Single(h.GroupPosts());
        Assert.Single(h.OpenAI.Requests);
    }

    [Fact]
    public async Task Model_rate_limit_and_server_error_are_retried_by_the_step_then_posted_once()
    {
        await using var h = new ReplyHarness(azurite);
        h.OpenAI.Enqueue(LoopbackOpenAIServer.Error(429, "429", "Rate limit", new Dictionary<string, string> { ["Retry-After"] = "4" }));
        h.OpenAI.Enqueue(LoopbackOpenAIServer.Error(500, "InternalServerError", "oops"));
        var result = await h.RunStepAsync(h.StudentAsks("any tips?"));

        Assert.Equal(DeliveryOutcome.Posted, result.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(4), (TimeSpan?)null], h.Retries.Select(r => r.RetryAfter));
        Assert.Equal(3, h.OpenAI.Requests.Count); // one call per attempt, none by the SDK
        Assert.Single(h.GroupPosts());
    }

    [Fact]
    public async Task A_step_that_posted_before_failing_does_not_post_again_on_retry()
    {
        await using var h = new ReplyHarness(azurite);
        // Zulip stores the message but the answer is lost (500): the retry must find it in the history.
        h.Zulip.EnqueueFault("send-message", LoopbackZulipServer.ServerError(storeAnyway: true));
        var result = await h.RunStepAsync(h.StudentAsks("what is a window function?"));

        Assert.Equal(DeliveryOutcome.Posted, result.Outcome);
        var post = Assert.Single(h.GroupPosts());
        Assert.Equal(post.Id, result.PostedMessageId);
        Assert.Single(h.Retries);
        Assert.Single(h.OpenAI.Requests);
        Assert.Equal(1, h.Zulip.Count("send-message"));
    }

    [Fact]
    public async Task A_step_whose_post_failed_before_reaching_Zulip_posts_the_same_text_on_retry_without_a_second_model_call()
    {
        await using var h = new ReplyHarness(azurite);
        h.Zulip.EnqueueFault("send-message", LoopbackZulipServer.ServerError());
        var result = await h.RunStepAsync(h.StudentAsks("ping"));
        Assert.Equal(DeliveryOutcome.Posted, result.Outcome);
        Assert.Single(h.GroupPosts());
        Assert.Single(h.OpenAI.Requests);
        Assert.Equal(2, h.Zulip.Count("send-message"));
    }

    [Fact]
    public async Task A_model_timeout_is_transient_and_posts_nothing()
    {
        await using var h = new ReplyHarness(azurite, llmTimeout: TimeSpan.FromMilliseconds(300));
        h.OpenAI.Enqueue(LoopbackOpenAIServer.Completion("too late") with { Delay = TimeSpan.FromSeconds(2) });
        var input = h.StudentAsks("quick question");

        await Assert.ThrowsAsync<TransientStepException>(() => h.Deliverer.DeliverAsync(input));
        Assert.Empty(h.GroupPosts());
        // Typing was stopped again so the student is not left with a dangling indicator.
        Assert.Equal("stop", h.Zulip.Requests.Last(r => LoopbackZulipServer.Operation(r) == "set-typing-status").Form["op"]);

        var retried = await h.Deliverer.DeliverAsync(input);
        Assert.Equal(DeliveryOutcome.Posted, retried.Outcome);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Content_filter_refuses_and_tells_the_mentor_privately(bool promptFiltered)
    {
        await using var h = new ReplyHarness(azurite);
        h.OpenAI.Enqueue(promptFiltered
            ? LoopbackOpenAIServer.ContentFilterRefusal()
            : LoopbackOpenAIServer.Completion("", finishReason: "content_filter"));
        var input = h.StudentAsks("something the filter dislikes");

        var result = await h.RunStepAsync(input);

        Assert.Equal(new DeliverReplyResult(DeliveryOutcome.Refused, null), result);
        Assert.Empty(h.GroupPosts());
        var notice = Assert.Single(h.MentorNotices());
        Assert.Contains("@_**Sam Park|20**", notice.Content);
        Assert.Empty(h.Retries);
        Assert.Equal("content-filter", Assert.Single(await h.Audit.ListAsync(input.Conversation)).Reason);
    }

    [Fact]
    public async Task An_empty_answer_refuses()
    {
        await using var h = new ReplyHarness(azurite);
        h.OpenAI.Enqueue(LoopbackOpenAIServer.Completion("   "));
        var result = await h.Deliverer.DeliverAsync(h.StudentAsks("hm?"));
        Assert.Equal(DeliveryOutcome.Refused, result.Outcome);
        Assert.Empty(h.GroupPosts());
        Assert.Single(h.MentorNotices());
    }

    [Fact]
    public async Task A_final_model_error_fails_without_retry_and_tells_the_mentor()
    {
        await using var h = new ReplyHarness(azurite);
        h.OpenAI.Enqueue(LoopbackOpenAIServer.Error(400, "context_length_exceeded", "Too long"));
        var input = h.StudentAsks("hello");
        var result = await h.RunStepAsync(input);

        Assert.Equal(new DeliverReplyResult(DeliveryOutcome.Failed, null), result);
        Assert.Empty(h.Retries);
        Assert.Empty(h.GroupPosts());
        Assert.Single(h.MentorNotices());
        Assert.Equal("model-context_length_exceeded", Assert.Single(await h.Audit.ListAsync(input.Conversation)).Reason);
    }

    [Fact]
    public async Task An_over_long_answer_is_withheld_rather_than_cut()
    {
        // Issue 15: an answer over the length limit is a sign the model was steered; it is not posted, cut or whole.
        await using var h = new ReplyHarness(azurite);
        h.OpenAI.Enqueue(LoopbackOpenAIServer.Completion(string.Concat(Enumerable.Repeat("very long answer ", 1500)), finishReason: "length"));
        var result = await h.Deliverer.DeliverAsync(h.StudentAsks("explain everything"));

        Assert.Equal(DeliveryOutcome.Withheld, result.Outcome);
        Assert.Empty(h.GroupPosts());
        Assert.Contains("longer than the length limit", Assert.Single(h.MentorNotices()).Content);
        Assert.True(ZulipLimits.DefaultMaxMessageLength > 0);
    }

    [Fact]
    public async Task Mentor_answered_meanwhile_posts_nothing_and_calls_no_model()
    {
        await using var h = new ReplyHarness(azurite);
        var input = h.StudentAsks("are we meeting today?");
        h.Zulip.AddMessage(Mentor, [Student], "Yes, at 3!");

        var result = await h.Deliverer.DeliverAsync(input);

        Assert.Equal(new DeliverReplyResult(DeliveryOutcome.MentorAnswered, null), result);
        Assert.Empty(h.GroupPosts());
        Assert.Empty(h.OpenAI.Requests);
        Assert.Empty(h.MentorNotices());
    }

    [Fact]
    public async Task Student_asking_for_the_human_is_refused_and_the_mentor_told()
    {
        await using var h = new ReplyHarness(azurite);
        var result = await h.Deliverer.DeliverAsync(h.StudentAsks("hmm", "can I talk to Ana herself?"));

        Assert.Equal(DeliveryOutcome.Refused, result.Outcome);
        Assert.Empty(h.GroupPosts());
        Assert.Empty(h.OpenAI.Requests);
        Assert.Contains("asked for you in person", Assert.Single(h.MentorNotices()).Content);
    }

    [Fact]
    public async Task Per_student_hourly_limit_stops_replies_and_tells_the_mentor_once()
    {
        await using var h = new ReplyHarness(azurite, o => o.MaxRepliesPerStudentPerHour = 2);
        var outcomes = new List<DeliveryOutcome>();
        for (var i = 0; i < 4; i++)
            outcomes.Add((await h.Deliverer.DeliverAsync(h.StudentAsks($"question {i}"))).Outcome);

        Assert.Equal([DeliveryOutcome.Posted, DeliveryOutcome.Posted, DeliveryOutcome.Limited, DeliveryOutcome.Limited], outcomes);
        Assert.Equal(2, h.GroupPosts().Count);
        Assert.Equal(2, h.OpenAI.Requests.Count);
        Assert.Contains("this hour", Assert.Single(h.MentorNotices()).Content);

        // The next hour is a new window.
        h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(DeliveryOutcome.Posted, (await h.Deliverer.DeliverAsync(h.StudentAsks("next hour"))).Outcome);
    }

    [Fact]
    public async Task Per_mentor_daily_limit_covers_all_their_students_and_tells_the_mentor_once()
    {
        await using var h = new ReplyHarness(azurite, o => o.MaxRepliesPerMentorPerDay = 1);
        var first = await h.Deliverer.DeliverAsync(h.StudentAsks("one"));
        var second = await h.Deliverer.DeliverAsync(h.StudentAsksFrom(ReplyHarness.OtherStudent, "two"));
        var third = await h.Deliverer.DeliverAsync(h.StudentAsks("three"));

        Assert.Equal([DeliveryOutcome.Posted, DeliveryOutcome.Limited, DeliveryOutcome.Limited], [first.Outcome, second.Outcome, third.Outcome]);
        Assert.Empty(h.GroupPosts(ReplyHarness.OtherStudent));
        Assert.Contains("today's limit of 1", Assert.Single(h.MentorNotices()).Content);
    }

    [Fact]
    public async Task Organisation_token_budget_stops_replies_and_tells_the_mentor_once()
    {
        await using var h = new ReplyHarness(azurite, o => o.DailyTokenBudget = 500);
        h.OpenAI.Enqueue(LoopbackOpenAIServer.Completion("first", promptTokens: 450, completionTokens: 60));
        var first = await h.Deliverer.DeliverAsync(h.StudentAsks("one"));
        var second = await h.Deliverer.DeliverAsync(h.StudentAsks("two"));
        var third = await h.Deliverer.DeliverAsync(h.StudentAsks("three"));

        Assert.Equal([DeliveryOutcome.Posted, DeliveryOutcome.Limited, DeliveryOutcome.Limited], [first.Outcome, second.Outcome, third.Outcome]);
        Assert.Single(h.OpenAI.Requests);
        Assert.Contains("budget", Assert.Single(h.MentorNotices()).Content);
        var audit = await h.Audit.ListAsync(h.Conversation());
        Assert.Equal(["organisation-tokens", "organisation-tokens"], audit.Where(a => a.Outcome == DeliveryOutcome.Limited).Select(a => a.Reason));
    }

    [Fact]
    public async Task A_reply_waiting_when_the_pair_is_removed_is_not_posted()
    {
        await using var h = new ReplyHarness(azurite);
        var input = h.StudentAsks("are you there?");
        // An admin removed the pair (or the student said `forget`) while the reply waited on its timer.
        Assert.True(await h.Registry.RemovePairAsync(ReplyHarness.Bot, Mentor, Student));

        var result = await h.Deliverer.DeliverAsync(input);

        Assert.Equal(DeliveryOutcome.Paused, result.Outcome);
        Assert.Empty(h.GroupPosts());
        Assert.Empty(h.OpenAI.Requests);
        Assert.Equal("not-paired", Assert.Single(await h.Audit.ListAsync(input.Conversation)).Reason);
    }

    [Fact]
    public async Task Paused_or_off_mentor_gets_no_reply()
    {
        await using var h = new ReplyHarness(azurite);
        await h.Registry.UpsertMentorAsync(new MentorRecord(ReplyHarness.Bot, Mentor, "ana@example.com", "Ana Lima", h.Clock.GetUtcNow(),
            PausedUntil: h.Clock.GetUtcNow().AddHours(1)));
        Assert.Equal(DeliveryOutcome.Paused, (await h.Deliverer.DeliverAsync(h.StudentAsks("hi"))).Outcome);
        await h.Registry.UpsertMentorAsync(new MentorRecord(ReplyHarness.Bot, Mentor, "ana@example.com", "Ana Lima", h.Clock.GetUtcNow(), ReplyMode.Off));
        Assert.Equal(DeliveryOutcome.Paused, (await h.Deliverer.DeliverAsync(h.StudentAsks("hi again"))).Outcome);
        Assert.Empty(h.GroupPosts());
        Assert.Empty(h.OpenAI.Requests);
    }

    [Fact]
    public async Task Draft_mode_sends_the_draft_to_the_mentor_only()
    {
        await using var h = new ReplyHarness(azurite);
        await h.Registry.UpsertMentorAsync(new MentorRecord(ReplyHarness.Bot, Mentor, "ana@example.com", "Ana Lima", h.Clock.GetUtcNow(), ReplyMode.Draft));
        var input = h.StudentAsks("can you review my PR?");
        var result = await h.Deliverer.DeliverAsync(input);

        Assert.Equal(DeliveryOutcome.Drafted, result.Outcome);
        Assert.Empty(h.GroupPosts());
        var draft = Assert.Single(h.MentorNotices());
        Assert.Equal(draft.Id, result.PostedMessageId);
        Assert.Contains($"reply {input.ReplyId}", draft.Content);
        Assert.Contains(h.OpenAI.DefaultText, draft.Content);
    }

    [Fact]
    public async Task A_draft_that_reached_Zulip_before_the_step_failed_is_not_sent_twice()
    {
        await using var h = new ReplyHarness(azurite);
        await h.Registry.UpsertMentorAsync(new MentorRecord(ReplyHarness.Bot, Mentor, "ana@example.com", "Ana Lima", h.Clock.GetUtcNow(), ReplyMode.Draft));
        h.Zulip.EnqueueFault("send-message", LoopbackZulipServer.ServerError(storeAnyway: true));
        var result = await h.RunStepAsync(h.StudentAsks("draft me"));

        Assert.Equal(DeliveryOutcome.Drafted, result.Outcome);
        Assert.Equal(Assert.Single(h.MentorNotices()).Id, result.PostedMessageId);
        Assert.Single(h.Retries);
    }

    [Fact]
    public async Task A_draft_whose_post_failed_before_reaching_Zulip_is_filed_once_when_the_step_is_retried()
    {
        await using var h = new ReplyHarness(azurite);
        await h.Registry.UpsertMentorAsync(new MentorRecord(ReplyHarness.Bot, Mentor, "ana@example.com", "Ana Lima", h.Clock.GetUtcNow(), ReplyMode.Draft));
        h.Zulip.EnqueueFault("send-message", LoopbackZulipServer.ServerError());
        var result = await h.RunStepAsync(h.StudentAsks("draft me again"));

        Assert.Equal(DeliveryOutcome.Drafted, result.Outcome);
        Assert.Single(h.Retries);
        var drafts = await h.Services.GetRequiredService<MentorFunctions.Core.Commands.DraftStore>().ListAsync(ReplyHarness.Bot, Mentor, default);
        Assert.Single(drafts);
        Assert.Contains("Draft 1 for", Assert.Single(h.MentorNotices()).Content);
    }
}
