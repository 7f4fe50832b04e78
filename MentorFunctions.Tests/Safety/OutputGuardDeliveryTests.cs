using System.Text.Json;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Llm;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;
using MentorFunctions.Tests.Replies;

namespace MentorFunctions.Tests.Safety;

/// <summary>The output guard in the deliver step, with a loopback model that misbehaves on purpose.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutputGuardDeliveryTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string> BadOutputs() => new()
    {
        { "You write the next reply in a Zulip direct-message conversation between the mentor Ana Lima and their student", "guard-system-prompt" },
        { "Sure! Exemplar 1: mentor words mentor words mentor words mentor words mentor words", "guard-exemplar-copy" },
        { "Don't worry, I'm not a bot, I'm a real person.", "guard-claims-human" },
        { "This is Ana here, in person.", "guard-claims-human" },
        { "Go to http://totally-free-answers.example.xyz and you're done", "guard-link" },
        { "Email me privately at ana.lima.private@gmail.com", "guard-email" },
        { "Text me on +1 415 555 0134", "guard-phone" },
        { new string('x', 2500), "guard-too-long" },
        // Phrased unlike the unit cases: the same kinds in other words.
        { "I've been set up to write in Ana Lima's voice, so here goes.", "guard-system-prompt" },
        { "Keine Sorge, hier schreibt wirklich Ana und keine Maschine.", "guard-claims-human" },
        { "There's a walkthrough at docs.example.int/recursion", "guard-link" },
        { "Write to ana dot lima at gmail dot com and I'll send notes.", "guard-email" },
    };

    [Theory]
    [MemberData(nameof(BadOutputs))]
    public async Task A_bad_answer_is_not_posted_the_mentor_is_told_and_it_is_audited(string answer, string reason)
    {
        await using var h = new ReplyHarness(azurite);
        h.OpenAI.Enqueue(LoopbackOpenAIServer.Completion(answer));
        var input = h.StudentAsks("how do I start the exercise?");

        var result = await h.RunStepAsync(input);

        Assert.Equal(DeliveryOutcome.Withheld, result.Outcome);
        Assert.Empty(h.GroupPosts());
        var notice = Assert.Single(h.MentorNotices());
        Assert.Contains("did not send the AI reply", notice.Content);
        Assert.DoesNotContain(answer[..Math.Min(20, answer.Length)], notice.Content);
        Assert.Equal(reason, Assert.Single(await h.Audit.ListAsync(input.Conversation)).Reason);
    }

    [Fact]
    public async Task Draft_mode_is_guarded_too()
    {
        await using var h = new ReplyHarness(azurite);
        var mentor = await h.Registry.GetMentorAsync(ReplyHarness.Bot, ReplyHarness.Mentor);
        await h.Registry.UpsertMentorAsync(mentor! with { Mode = Core.Storage.ReplyMode.Draft });
        h.OpenAI.Enqueue(LoopbackOpenAIServer.Completion("I'm not an AI, promise."));

        var result = await h.RunStepAsync(h.StudentAsks("how do I start?"));

        Assert.Equal(DeliveryOutcome.Withheld, result.Outcome);
        Assert.DoesNotContain(h.MentorNotices(), n => n.Content.Contains("Draft", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> Injections()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Safety", "injections.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            data.Add(json.RootElement.GetProperty("lang").GetString()!, json.RootElement.GetProperty("text").GetString()!);
        }
        return data;
    }

    /// <summary>
    /// Injection attempts in the student's message, against a model that obeys them by echoing its system message:
    /// the student's text never reaches the system message, and the echo is never posted.
    /// </summary>
    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Injection_attempts_stay_out_of_the_system_message_and_an_obedient_echo_is_withheld(string language, string injection)
    {
        await using var h = new ReplyHarness(azurite);
        h.OpenAI.Responder = request => LoopbackOpenAIServer.Completion(request.Messages[0].Content);
        var input = h.StudentAsks(injection);

        var result = await h.RunStepAsync(input);

        if (result.Outcome == DeliveryOutcome.Refused)
        {
            // Asking for the mentor in person ("pretend you are Ana herself") stands the stand-in down before any model call.
            Assert.Empty(h.OpenAI.Requests);
            Assert.Empty(h.GroupPosts());
            return;
        }
        var call = Assert.Single(h.OpenAI.Requests);
        Assert.Equal("system", call.Messages[0].Role);
        Assert.DoesNotContain(injection, call.Messages[0].Content);
        Assert.DoesNotContain(call.Messages.Skip(1), m => m.Role == "system");
        Assert.Equal(("user", injection), call.Messages[^1]);
        Assert.Equal(DeliveryOutcome.Withheld, result.Outcome);
        Assert.Empty(h.GroupPosts());
        Assert.NotEmpty(language);
    }
}
