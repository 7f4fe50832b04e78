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

    [Theory]
    [InlineData("Es urgente, necesito ayuda con el examen de mañana")]
    [InlineData("É urgente, preciso de ajuda o quanto antes")]
    [InlineData("C'est urgent, j'ai un partiel demain, aide-moi s'il te plaît")]
    [InlineData("Dringend: die Abgabe ist heute, bitte hilf mir")]
    [InlineData("Necesito entregarlo en una hora y no funciona")]
    public void Urgency_reads_in_five_languages(string text) => Assert.True(_scorer.Score(text) >= 0.5, $"{text}: {_scorer.Score(text):F2}");

    [Theory]
    [InlineData("No es urgente, cuando puedas: ¿cómo pruebo esto?")]
    [InlineData("Sem pressa, quando puder")]
    [InlineData("Rien ne presse, quand tu peux")]
    [InlineData("Keine Eile, wenn du Zeit hast")]
    public void Calm_words_in_each_language_outweigh_the_rest(string text) => Assert.Equal(0, _scorer.Score(text));

    [Theory]
    [InlineData("I'm so stressed about this project", "I have a question about this project")]
    [InlineData("Estoy agobiada con el proyecto", "Tengo una pregunta sobre el proyecto")]
    [InlineData("Estou muito frustrado com o projeto", "Tenho uma pergunta sobre o projeto")]
    [InlineData("Je suis débordée avec ce projet", "J'ai une question sur ce projet")]
    [InlineData("Ich bin total überfordert mit dem Projekt", "Ich habe eine Frage zum Projekt")]
    public void Stress_and_frustration_raise_urgency(string strained, string plain)
    {
        Assert.True(_scorer.Score(strained) > _scorer.Score(plain) + 0.3, $"{_scorer.Score(strained):F2} vs {_scorer.Score(plain):F2}");
    }

    [Fact]
    public void A_single_acronym_is_not_shouting()
    {
        Assert.Equal(0, _scorer.Score("I read the API docs for HTTP"));
    }
}
