namespace MentorFunctions.Core.Style;

/// <summary>
/// What a reply assumes of a mentor nobody has seen write yet: neutral, about 150 characters, answers in about
/// 15 minutes. The pseudo-counts say how many real messages it takes to outweigh the prior or the mentor's profile.
/// </summary>
public sealed class StylePrior
{
    public double MedianLatencySeconds { get; init; } = 15 * 60;
    /// <summary>Spread of ln(seconds): 1.0 puts the middle two thirds between about 5 and 40 minutes.</summary>
    public double LogStdDevSeconds { get; init; } = 1.0;
    public double MeanChars { get; init; } = 150;
    public double StdDevChars { get; init; } = 90;
    public double MeanWords { get; init; } = 27;
    public double Formality { get; init; }
    public double EmojiPerMessage { get; init; } = 0.1;
    public double QuestionRate { get; init; } = 0.3;
    public double ExclamationRate { get; init; } = 0.15;
    public double MarkdownRate { get; init; } = 0.1;

    /// <summary>Messages of the mentor's profile worth as much as the prior.</summary>
    public double MentorPseudoCount { get; init; } = 5;
    /// <summary>Messages of the pair's profile worth as much as the mentor's.</summary>
    public double PairPseudoCount { get; init; } = 20;
    public double LatencyPseudoCount { get; init; } = 3;
    public double PairLatencyPseudoCount { get; init; } = 10;

    public static StylePrior Default { get; } = new();
}
