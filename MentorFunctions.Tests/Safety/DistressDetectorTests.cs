using System.Globalization;
using MentorFunctions.Core.Safety;
using Xunit.Abstractions;

namespace MentorFunctions.Tests.Safety;

public sealed class DistressDetectorTests(ITestOutputHelper output)
{
    private readonly DistressDetector _detector = new();

    public static TheoryData<string> Languages() => new(DistressCorpus.Languages);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Corpus_has_enough_positive_and_negative_cases(string language)
    {
        var cases = DistressCorpus.Load(language);
        Assert.True(cases.Count(c => c.Distress) >= 25, $"{language}: fewer than 25 positive cases");
        Assert.True(cases.Count(c => !c.Distress) >= 25, $"{language}: fewer than 25 negative cases");
    }

    /// <summary>Precision and recall per language on the project's corpora; targets: recall 1.0, precision ≥ 0.95.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public void Precision_and_recall_meet_the_targets(string language)
    {
        var cases = DistressCorpus.Load(language);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var c in cases)
        {
            var found = _detector.Assess(c.Text).IsDistress;
            switch (found, c.Distress)
            {
                case (true, true): tp++; break;
                case (true, false): fp++; output.WriteLine($"false alarm: {c.Text}"); break;
                case (false, true): fn++; output.WriteLine($"missed: {c.Text}"); break;
                default: tn++; break;
            }
        }
        var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
        var specificity = tn + fp == 0 ? 1 : (double)tn / (tn + fp);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{language}: precision {precision:F3}, recall {recall:F3}, negatives passed {specificity:F3} (tp {tp}, fp {fp}, fn {fn}, tn {tn})"));
        Assert.Equal(1.0, recall);
        Assert.True(precision >= 0.95, string.Create(CultureInfo.InvariantCulture, $"{language}: precision {precision:F3}"));
        Assert.True(specificity >= 0.95, string.Create(CultureInfo.InvariantCulture, $"{language}: negatives passed {specificity:F3}"));
    }

    [Theory]
    [InlineData("I'm not suicidal, just tired")]
    [InlineData("this homework is killing me")]
    [InlineData("I could kill my brother for eating my pizza")]
    [InlineData("My character wants to die in the story")]
    [InlineData("the song says I want to die")]
    [InlineData("")]
    public void Brief_examples_that_are_not_distress(string text) => Assert.False(_detector.IsDistress(text), text);

    [Theory]
    [InlineData("I'm not going to kill myself... yet", DistressKind.Suicide)]
    [InlineData("I'm not suicidal, but I want to disappear forever", DistressKind.Suicide)]
    [InlineData("The song says I want to die, and that's exactly how I feel", DistressKind.Suicide)]
    [InlineData("QUIERO MORIR", DistressKind.Suicide)]
    [InlineData("Je veux mourir", DistressKind.Suicide)]
    [InlineData("Ich möchte sterben", DistressKind.Suicide)]
    [InlineData("Ich moechte sterben", DistressKind.Suicide)]
    public void Hedged_denials_self_related_quotes_case_and_accents_still_count(string text, DistressKind kind) =>
        Assert.Equal(kind, _detector.Assess(text).Kind);

    /// <summary>What a message says about someone else is framed by a story or school task named anywhere in it.</summary>
    [Theory]
    [InlineData("Is Hamlet thinking about killing himself? I need it for my essay")]
    [InlineData("pour mon commentaire: pourquoi le héros se suicide-t-il à la fin ?")]
    [InlineData("für mein referat: warum bringt sich die hauptfigur am ende um?")]
    public void A_report_about_someone_else_in_a_school_task_is_framed(string text) => Assert.False(_detector.IsDistress(text), text);

    /// <summary>The frame covers other people only: what the student says of themself still counts.</summary>
    [Theory]
    [InlineData("I need it for my essay. Honestly I want to kill myself, I can't do this", DistressKind.Suicide)]
    [InlineData("My friend told me she wants to kill herself", DistressKind.Suicide)]
    public void The_frame_does_not_cover_the_student_or_an_unframed_report(string text, DistressKind kind) =>
        Assert.Equal(kind, _detector.Assess(text).Kind);

    /// <summary>A petty grievance makes a threat against the one who did it a figure of speech, nothing more.</summary>
    [Theory]
    [InlineData("my sister took my charger, I'm going to kill her", null)]
    [InlineData("je vais tuer mon frère, il a mangé mes chips", null)]
    [InlineData("mi hermano se comió mi pizza, lo voy a matar", null)]
    [InlineData("he took my photos and posted them, i want to die", DistressKind.Suicide)]
    [InlineData("my brother took my phone and said he will kill me if i tell", DistressKind.Violence)]
    public void A_grievance_cancels_only_a_threat_against_others(string text, DistressKind? kind) =>
        Assert.Equal(kind, _detector.Assess(text).Kind);

    /// <summary>Inflection and chat spelling, not a list of forms: approximate counts, whose pills, dropped endings.</summary>
    [Theory]
    [InlineData("i took a bunch of my mums pills an hour ago", DistressKind.Suicide)]
    [InlineData("j'ai avalé genre 20 cachets de ma mère", DistressKind.Suicide)]
    [InlineData("hab grad so 20 tabletten von meiner mutter geschluckt", DistressKind.Suicide)]
    [InlineData("ich verbrenn mich mit dem feuerzeug wenns zu viel wird", DistressKind.SelfHarm)]
    [InlineData("me queimo com isqueiro pra aliviar", DistressKind.SelfHarm)]
    [InlineData("je me suis encore scarifiée hier soir", DistressKind.SelfHarm)]
    [InlineData("einer aus der schule hat gesagt er sticht mich morgen ab", DistressKind.Violence)]
    [InlineData("I take all my meds every morning like the doctor said", null)]
    [InlineData("ich nehm jeden morgen meine tabletten", null)]
    public void Forms_are_matched_by_rule(string text, DistressKind? kind) => Assert.Equal(kind, _detector.Assess(text).Kind);

    [Fact]
    public void A_plain_denial_is_taken_at_its_word()
    {
        // Documented decision (README "Distress and manipulation"): a plain denial is not distress by itself.
        Assert.False(_detector.IsDistress("I'm not going to kill myself, relax, I'm just annoyed"));
        Assert.False(_detector.IsDistress("Ich will mich nicht umbringen, ich bin nur genervt"));
    }
}
