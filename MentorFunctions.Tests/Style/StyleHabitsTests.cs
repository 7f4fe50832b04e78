using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Llm.Tokens;
using MentorFunctions.Core.Replies;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Tests.Style;

/// <summary>What version 3 learns reaches the prompt as habits a model can follow, and only with evidence.</summary>
public sealed class StyleHabitsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly MentorRecord Ana = new("bot@example.com", 10, "ana@example.com", "Ana Lima", DateTimeOffset.UnixEpoch);

    private static StyleProfile Learned(IReadOnlyList<string> lines, int messages)
    {
        var profile = new StyleProfile();
        for (var i = 0; i < messages; i++) StyleLearner.Learn(lines[i % lines.Count], At.AddMinutes(i), profile);
        return profile;
    }

    [Fact]
    public void A_lower_case_ellipsis_heavy_mentor_is_described_by_those_habits_and_the_prompt_carries_them_within_budget()
    {
        string[] lines =
        [
            "yeah i think so... just try the second loop, i'm pretty sure it works lol",
            "hmm... i'd check the index first, then maybe print it",
            "ok so i looked at it... it's just the bounds, lol",
            "i'm not sure... maybe ask in the channel too?",
        ];
        var profile = Learned(lines, 120);
        var habits = StyleHabits.Describe(profile);

        Assert.Contains(habits, h => h.StartsWith("Writes the pronoun \"I\" in lower case", StringComparison.Ordinal) && h.Contains("100%", StringComparison.Ordinal));
        Assert.Contains(habits, h => h.StartsWith("Starts ", StringComparison.Ordinal) && h.Contains("lower-case letter", StringComparison.Ordinal));
        // The ellipsis rate, recomputed: four "..." in four messages, per 1,000 characters of the mentor's text.
        var rate = profile.Marks[(int)Mark.Ellipsis] * 1000.0 / profile.TextChars;
        Assert.Contains(habits, h => h.StartsWith("Uses more than most people:", StringComparison.Ordinal)
            && h.Contains($"ellipses (...) ({rate.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} per 1,000 characters)", StringComparison.Ordinal));
        Assert.Contains(habits, h => h.StartsWith("Favourite small words:", StringComparison.Ordinal) && h.Contains("\"just\"", StringComparison.Ordinal));
        Assert.Contains(StyleHabits.WritesIn("English"), habits);
        Assert.InRange(habits.Count, 1, StyleHabits.MaxHabits);

        var builder = new PromptBuilder(Options.Create(new ReplyOptions()), TokenCounters.ForModel("gpt-5.4-mini"));
        var history = new List<ConversationMessage> { new(1, 20, ParticipantRole.Student, At, "Hi, my loop still fails, what should I check?") };
        var prompt = builder.Build(StyleBlend.Read(10, profile, null), Ana, history);
        var system = prompt.Turns[0].Text;
        foreach (var habit in habits) Assert.Contains(habit, system);
        Assert.True(prompt.EstimatedTokens <= new ReplyOptions().PromptTokenBudget, $"{prompt.EstimatedTokens} tokens");
    }

    [Fact]
    public void A_formal_mentor_is_not_given_those_habits_and_too_little_text_gives_none()
    {
        string[] lines =
        [
            "Good morning. I have reviewed your code; the loop bound is off by one. Please correct it and run the tests again.",
            "Thank you for the update. I suggest reading the chapter on indexing before our next meeting.",
        ];
        var habits = StyleHabits.Describe(Learned(lines, 60));
        Assert.DoesNotContain(habits, h => h.Contains("lower case", StringComparison.Ordinal) || h.Contains("lower-case", StringComparison.Ordinal));
        Assert.Contains(habits, h => h.StartsWith("Uses more than most people:", StringComparison.Ordinal) && h.Contains("semicolons", StringComparison.Ordinal)
            && !h.Contains("ellipses", StringComparison.Ordinal));
        Assert.Contains(habits, h => h.StartsWith("Hardly ever uses", StringComparison.Ordinal) && h.Contains("ellipses", StringComparison.Ordinal));

        Assert.Empty(StyleHabits.Describe(Learned(lines, 5))); // under 1,500 characters: not enough to say anything
    }

    [Fact]
    public void A_german_mentor_is_said_to_write_in_german_and_their_fillers_are_german()
    {
        string[] lines =
        [
            "Das ist doch ganz einfach, schau mal in die Schleife, da ist halt der Index falsch.",
            "Ich würde das mal so machen: erst die Daten laden, dann doch nochmal prüfen.",
            "Ja, das passt schon, aber schreib mal einen Test dafür.",
        ];
        var habits = StyleHabits.Describe(Learned(lines, 90));
        Assert.Contains(StyleHabits.WritesIn("German"), habits);
        Assert.Contains(habits, h => h.StartsWith("Favourite small words:", StringComparison.Ordinal) && h.Contains("\"mal\"", StringComparison.Ordinal));
    }
}
