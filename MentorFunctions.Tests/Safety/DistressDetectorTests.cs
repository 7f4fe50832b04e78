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

    [Fact]
    public void A_plain_denial_is_taken_at_its_word()
    {
        // Documented decision (README "Distress and manipulation"): a plain denial is not distress by itself.
        Assert.False(_detector.IsDistress("I'm not going to kill myself, relax, I'm just annoyed"));
        Assert.False(_detector.IsDistress("Ich will mich nicht umbringen, ich bin nur genervt"));
    }
}
