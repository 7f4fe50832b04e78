using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Languages;
using MentorFunctions.Core.Llm;
using MentorFunctions.Core.Llm.Tokens;
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
    /// <summary>The default model's real tokenizer (gpt-5.4-mini: o200k_base).</summary>
    private readonly PromptBuilder _builder = Builder("gpt-5.4-mini");

    private static PromptBuilder Builder(string model) => new(Options.Create(new ReplyOptions()), TokenCounters.ForModel(model));

    /// <summary>
    /// Mentoring chat as people write it: questions and answers of varied length, in several languages, with code, links
    /// and emoji (hand-written lines, recombined; the budget arithmetic is what is under test, not the content).
    /// </summary>
    private static readonly string[] StudentLines =
    [
        "Hi! I'm stuck on exercise 3, the join keeps returning duplicates. Any idea why?",
        "ok",
        "I tried `SELECT * FROM orders o JOIN customers c ON o.customer_id = c.id` but the totals are doubled 😅",
        "Danke für die Erklärung, ich probiere es morgen nochmal.",
        "¿Puedo entregar la tarea el lunes? Tuve un problema con mi portátil.",
        "課題の締め切りはいつですか？",
        "Here is the traceback: KeyError: 'price' in line 42 of pipeline.py",
        "thanks!! that worked 🎉",
        "Should I use a window function here or a GROUP BY? The docs at https://www.postgresql.org/docs/current/tutorial-window.html confuse me.",
        "sorry for the late reply, exams this week",
    ];

    private static readonly string[] MentorLines =
    [
        "Good question. Duplicates after a join usually mean the key isn't unique on one side — check `SELECT customer_id, count(*) FROM customers GROUP BY 1 HAVING count(*) > 1`.",
        "Yes, Monday is fine. Take care of the laptop first.",
        "Nice work! 🙌",
        "Try a window function: `sum(total) OVER (PARTITION BY customer_id)` keeps every row, GROUP BY collapses them.",
        "Look at line 42: the dict has no 'price' key for refunds. Use `.get('price', 0)` or filter refunds out earlier.",
        "Gern geschehen! Melde dich, wenn es hakt.",
        "No worries, good luck with the exams.",
        "Let's go through it in our call on Thursday.",
    ];

    private static List<ConversationMessage> NaturalHistory(int count)
    {
        var random = new Random(count);
        var list = new List<ConversationMessage>();
        for (var i = 0; i < count; i++)
        {
            var student = random.NextDouble() < 0.55;
            var line = student ? StudentLines[random.Next(StudentLines.Length)] : MentorLines[random.Next(MentorLines.Length)];
            list.Add(new ConversationMessage(1000 + i, student ? Student : Mentor, student ? ParticipantRole.Student : ParticipantRole.Mentor,
                DateTimeOffset.UnixEpoch.AddMinutes(i), line));
        }
        list.Add(new ConversationMessage(1000 + count, Student, ParticipantRole.Student, DateTimeOffset.UnixEpoch.AddMinutes(count), "STUDENT-LATEST how do I join two tables?"));
        return list;
    }

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
    [InlineData(10, "gpt-5.4-mini")]
    [InlineData(100, "gpt-5.4-mini")]
    [InlineData(10_000, "gpt-5.4-mini")]
    [InlineData(10, "llama3.1")]
    [InlineData(100, "llama3.1")]
    [InlineData(10_000, "llama3.1")]
    public void Prompt_stays_within_2000_tokens_and_keeps_the_newest_messages(int messages, string model)
    {
        var counter = TokenCounters.ForModel(model);
        var builder = Builder(model);
        foreach (var (kind, history) in new[] { ("natural", NaturalHistory(messages)), ("synthetic", History(messages)) })
        {
            var prompt = builder.Build(ReplyTestData.Style(Mentor), Ana, history);

            var recount = prompt.Turns.Sum(t => counter.CountMessage(t.Text)) + counter.ReplyPriming;
            var estimate = prompt.Turns.Sum(t => TokenEstimator.Message(t.Text)) + TokenEstimator.ReplyPriming;
            var chars = prompt.Turns.Sum(t => t.Text.Length);
            output.WriteLine($"{model} ({counter.Name}), {messages} {kind} messages: {prompt.EstimatedTokens} tokens " +
                $"(UTF-8/3 estimate of the same prompt: {estimate}), {chars} chars, {prompt.Turns.Count} turns, " +
                $"{prompt.HistoryMessagesUsed} messages used, system {counter.CountMessage(prompt.Turns[0].Text)} tokens");
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
    }

    [Fact]
    public void The_real_tokenizer_fits_more_history_in_the_same_budget_than_the_estimate()
    {
        var history = NaturalHistory(10_000);
        var exact = Builder("gpt-5.4-mini").Build(ReplyTestData.Style(Mentor), Ana, history);
        var estimated = Builder("llama3.1").Build(ReplyTestData.Style(Mentor), Ana, history);
        output.WriteLine($"10,000 messages, budget 2000: o200k_base keeps {exact.HistoryMessagesUsed} messages, the estimate {estimated.HistoryMessagesUsed}");
        Assert.True(exact.HistoryMessagesUsed > estimated.HistoryMessagesUsed);
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

    [Theory]
    [InlineData("es", "Spanish", "Hola, tengo una pregunta sobre la tarea. ¿Puedo entregarla el lunes?")]
    [InlineData("pt", "Portuguese", "Oi, não consigo rodar o projeto, você pode me ajudar?")]
    [InlineData("fr", "French", "Bonjour, je ne comprends pas l'exercice, tu peux m'aider ?")]
    [InlineData("de", "German", "Hallo, ich verstehe die Aufgabe nicht, kannst du mir helfen?")]
    [InlineData("en", "English", "Hi, I don't get the exercise, can you help me with it?")]
    public void The_system_message_names_the_language_the_student_writes_in(string code, string name, string studentText)
    {
        var at = DateTimeOffset.UnixEpoch;
        var history = new List<ConversationMessage>
        {
            new(1, Mentor, ParticipantRole.Mentor, at, "Hi! Welcome to the programme."),
            new(2, Student, ParticipantRole.Student, at, studentText),
        };

        var system = _builder.Build(ReplyTestData.Style(Mentor), Ana, history).Turns[0].Text;

        Assert.Contains($"in {name}, the language the student writes in", system);
        Assert.DoesNotContain(studentText, system);
        Assert.Equal(code, LanguageDetector.Detect(studentText));
    }

    /// <summary>
    /// The student's recent messages decide, not their older ones nor the mentor's: a student who wrote English for
    /// weeks and now writes Spanish gets a Spanish reply, although the mentor writes English throughout.
    /// </summary>
    [Fact]
    public void The_reply_language_follows_the_student_s_recent_messages_not_older_ones_or_the_mentor_s()
    {
        var at = DateTimeOffset.UnixEpoch;
        var history = new List<ConversationMessage>();
        long id = 1;
        for (var i = 0; i < 15; i++)
        {
            history.Add(new(id++, Student, ParticipantRole.Student, at, "I don't understand the exercise, can you help me with it?"));
            history.Add(new(id++, Mentor, ParticipantRole.Mentor, at, "Sure, start with the base case and tell me what you get."));
        }
        for (var i = 0; i < 10; i++)
        {
            history.Add(new(id++, Student, ParticipantRole.Student, at, "No entiendo el ejercicio, ¿me puedes ayudar con la tarea?"));
            history.Add(new(id++, Mentor, ParticipantRole.Mentor, at, "Sure, what have you tried so far?"));
        }

        var system = _builder.Build(ReplyTestData.Style(Mentor), Ana, history).Turns[0].Text;

        Assert.Contains("in Spanish, the language the student writes in", system);
    }

    [Fact]
    public void Too_little_to_go_on_leaves_the_language_to_the_model()
    {
        var history = new List<ConversationMessage> { new(2, Student, ParticipantRole.Student, DateTimeOffset.UnixEpoch, "ok 👍") };

        var system = _builder.Build(ReplyTestData.Style(Mentor), Ana, history).Turns[0].Text;

        Assert.Contains("habits, in the language the student writes in", system);
    }
}
