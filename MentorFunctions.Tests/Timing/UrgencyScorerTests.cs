using MentorFunctions.Core.Timing;

namespace MentorFunctions.Tests.Timing;

public sealed class UrgencyScorerTests
{
    private readonly UrgencyScorer _scorer = new();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Thanks, that makes sense.")]
    public void Plain_or_empty_text_is_not_urgent(string? text) => Assert.Equal(0, _scorer.Score(text));

    [Theory]
    [InlineData("This is urgent, please help")]
    [InlineData("Emergency: the server is down")]
    [InlineData("Can you reply asap?")]
    [InlineData("My interview is in an hour and I'm stuck")]
    [InlineData("WHY DOES THIS NOT COMPILE")]
    public void Urgent_messages_score_high(string text) => Assert.True(_scorer.Score(text) >= 0.5, $"{text}: {_scorer.Score(text):F2}");

    [Fact]
    public void Negation_outweighs_the_word_it_negates()
    {
        var urgent = _scorer.Score("This is urgent");
        var notUrgent = _scorer.Score("This is not urgent");
        Assert.True(urgent > 0.5);
        Assert.Equal(0, notUrgent);
        Assert.Equal(0, _scorer.Score("No rush, whenever you have time: how do I test this?"));
    }

    [Fact]
    public void Evidence_adds_up_smoothly_and_stays_below_one()
    {
        var weak = _scorer.Score("I have an exam");
        var stronger = _scorer.Score("I have an exam tomorrow");
        var strongest = _scorer.Score("URGENT!!! My exam is TODAY and I'm blocked, please help asap!!!");
        Assert.True(0 < weak && weak < stronger && stronger < strongest, $"{weak:F2} {stronger:F2} {strongest:F2}");
        Assert.True(strongest < 1);
    }

    [Fact]
    public void Repeated_punctuation_and_deadlines_count()
    {
        Assert.True(_scorer.Score("does this work???") > _scorer.Score("does this work?"));
        Assert.True(_scorer.Score("I need to submit by 5pm") > _scorer.Score("I need to submit"));
    }

    [Fact]
    public void A_single_acronym_is_not_shouting()
    {
        Assert.Equal(0, _scorer.Score("I read the API docs for HTTP"));
    }
}
