using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Llm;
using MentorFunctions.Core.Replies;
using MentorFunctions.Core.Storage;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace MentorFunctions.Tests.Replies;

public sealed class PromptBuilderTests(ITestOutputHelper output)
{
    private const long Mentor = 10, Student = 20;
    private static readonly MentorRecord Ana = new("bot@example.com", Mentor, "ana@example.com", "Ana Lima", DateTimeOffset.UnixEpoch,
        Persona: "I teach data engineering and like concrete examples.");
    private readonly PromptBuilder _builder = new(Options.Create(new ReplyOptions()));

    /// <summary>A realistic conversation: alternating bursts, varied lengths, some emoji and code, newest last.</summary>
    private static List<ConversationMessage> History(int count)
    {
        var random = new Random(count);
        var list = new List<ConversationMessage>();
        for (var i = 0; i < count; i++)
        {
            var student = random.NextDouble() < 0.55;
            var words = random.Next(3, student ? 25 : 40);
            var text = string.Join(' ', Enumerable.Range(0, words).Select(w => (student ? "studentword" : "mentorword") + (w % 10))) + (random.NextDouble() < 0.2 ? " 🙂" : "");
            list.Add(new ConversationMessage(1000 + i, student ? Student : Mentor, student ? ParticipantRole.Student : ParticipantRole.Mentor,
                DateTimeOffset.UnixEpoch.AddMinutes(i), (student ? $"S{i}: " : $"M{i}: ") + text));
        }
        list.Add(new ConversationMessage(1000 + count, Student, ParticipantRole.Student, DateTimeOffset.UnixEpoch.AddMinutes(count), "STUDENT-LATEST how do I join two tables?"));
        return list;
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(10_000)]
    public void Prompt_stays_within_2000_tokens_and_keeps_the_newest_messages(int messages)
    {
        var history = History(messages);
        var prompt = _builder.Build(ReplyTestData.Style(Mentor), Ana, history);

        var recount = prompt.Turns.Sum(t => TokenEstimator.Message(t.Text)) + TokenEstimator.ReplyPriming;
        var chars = prompt.Turns.Sum(t => t.Text.Length);
        output.WriteLine($"{messages} messages: {prompt.EstimatedTokens} estimated tokens, {chars} chars, {prompt.Turns.Count} turns, {prompt.HistoryMessagesUsed} messages used, system {TokenEstimator.Message(prompt.Turns[0].Text)} tokens");
        Assert.Equal(recount, prompt.EstimatedTokens);
        Assert.InRange(prompt.EstimatedTokens, 1, 2000);
        Assert.Equal(ChatRole.User, prompt.Turns[^1].Role);
        Assert.EndsWith("STUDENT-LATEST how do I join two tables?", prompt.Turns[^1].Text);
        if (messages == 10)
            Assert.Equal(11, prompt.HistoryMessagesUsed);
        else
            Assert.True(prompt.HistoryMessagesUsed < history.Count);
        // The kept messages are the newest ones, in order.
        var kept = history.TakeLast(prompt.HistoryMessagesUsed).ToList();
        Assert.Contains(kept[0].Content, string.Join("\n\n", prompt.Turns.Skip(1).Select(t => t.Text)));
    }

    [Fact]
    public void Student_text_never_reaches_the_system_message_and_roles_alternate()
    {
        var prompt = _builder.Build(ReplyTestData.Style(Mentor), Ana, History(30));
        Assert.Equal(ChatRole.System, prompt.Turns[0].Role);
        Assert.DoesNotContain("studentword", prompt.Turns[0].Text);
        Assert.DoesNotContain("STUDENT-LATEST", prompt.Turns[0].Text);
        Assert.All(prompt.Turns.Skip(1), t => Assert.NotEqual(ChatRole.System, t.Role));
        for (var i = 2; i < prompt.Turns.Count; i++)
            Assert.NotEqual(prompt.Turns[i - 1].Role, prompt.Turns[i].Role);
    }

    [Fact]
    public void System_message_carries_the_style_persona_and_exemplars()
    {
        var system = _builder.Build(ReplyTestData.Style(Mentor), Ana, History(3)).Turns[0].Text;
        Assert.Contains("Ana Lima", system);
        Assert.Contains("about 32 words", system);
        Assert.Contains("casual", system);
        Assert.Contains("🙂", system);
        Assert.Contains("\"Hey!\"", system);
        Assert.Contains("\"Cheers\"", system);
        Assert.Contains("\"let's unpack this\" (about 1 in 8 messages)", system);
        Assert.Contains("overusing them", system);
        Assert.Contains("concrete examples", system);
        var exemplars = Enumerable.Range(1, 6).Count(i => system.Contains($"Exemplar {i}:"));
        Assert.InRange(exemplars, 3, 5);
    }

    [Fact]
    public void One_huge_student_message_is_cut_to_fit()
    {
        var huge = new ConversationMessage(5, Student, ParticipantRole.Student, DateTimeOffset.UnixEpoch, "START " + new string('字', 20_000));
        var prompt = _builder.Build(ReplyTestData.Style(Mentor), Ana, [huge]);
        Assert.InRange(prompt.EstimatedTokens, 1, 2000);
        Assert.StartsWith("START", prompt.Turns[^1].Text);
        Assert.EndsWith("…", prompt.Turns[^1].Text);
    }

    [Fact]
    public void Consecutive_messages_of_one_side_are_merged()
    {
        ConversationMessage M(long id, ParticipantRole role, string text) => new(id, role == ParticipantRole.Student ? Student : Mentor, role, DateTimeOffset.UnixEpoch, text);
        var prompt = _builder.Build(ReplyTestData.Style(Mentor), Ana,
        [
            M(1, ParticipantRole.Student, "a"), M(2, ParticipantRole.Student, "b"), M(3, ParticipantRole.Mentor, "c"), M(4, ParticipantRole.Student, "d"),
        ]);
        Assert.Equal([(ChatRole.User, "a\n\nb"), (ChatRole.Assistant, "c"), (ChatRole.User, "d")],
            prompt.Turns.Skip(1).Select(t => (t.Role, t.Text)));
    }
}
