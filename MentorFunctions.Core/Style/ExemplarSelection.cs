namespace MentorFunctions.Core.Style;

/// <summary>
/// How exemplars are chosen: each candidate message becomes a small vector of its style (<see cref="Axes"/>), the
/// mentor's centroid is the running mean of those vectors over every message, and distances are in units of each
/// axis' running standard deviation. The kept set minimises (distance to the centroid) − λ·(distance to the nearest
/// other exemplar): typical of the mentor, and unlike each other, so the model sees the range of how they write.
/// </summary>
public static class ExemplarSelection
{
    public const int Axes = 12;
    /// <summary>Weight of diversity against typicality.</summary>
    public const double Diversity = 0.5;
    /// <summary>Beyond this many standard deviations (on average per axis) a message is not typical enough to show.</summary>
    public const double MaxTypicalDistance = 1.6;

    public static readonly string[] AxisNames =
    [
        "length (log chars)", "words per sentence", "formality", "emoji per word", "commas per 100 chars", "other punctuation per 100 chars",
        "questions per sentence", "exclamations per sentence", "lower-case sentence starts", "smileys", "contractions per word", "line breaks",
    ];

    /// <summary>One message's position on the exemplar axes.</summary>
    public static void Vector(in MessageFeatures f, Span<float> into)
    {
        var m = f.Marks;
        var sentences = Math.Max(1, f.Sentences);
        var words = Math.Max(1, f.Words);
        var per100 = 100.0 / Math.Max(20, f.TextChars);
        into[0] = (float)Math.Log(1 + f.Chars);
        into[1] = (float)Math.Log(1 + (double)f.Words / sentences);
        into[2] = (float)f.Formality;
        into[3] = (float)((double)f.Emoji / words);
        into[4] = (float)(m[(int)Mark.Comma] * per100);
        into[5] = (float)((m[(int)Mark.Semicolon] + m[(int)Mark.Colon] + m[(int)Mark.Dash] + m[(int)Mark.Parenthesis] + m[(int)Mark.Ellipsis]) * per100);
        into[6] = (float)Math.Min(1.0, (double)m[(int)Mark.QuestionMark] / sentences);
        into[7] = (float)Math.Min(1.0, (double)m[(int)Mark.ExclamationMark] / sentences);
        into[8] = m[(int)Mark.SentenceStart] == 0 ? 0 : (float)m[(int)Mark.LowerSentenceStart] / m[(int)Mark.SentenceStart];
        into[9] = m[(int)Mark.AsciiSmiley] + m[(int)Mark.FaceEmoji];
        into[10] = (float)((double)f.Contractions / words);
        into[11] = (float)Math.Log(1 + m[(int)Mark.LineBreak]);
    }

    /// <summary>Root-mean-square distance per axis, each axis scaled by the mentor's own spread on it.</summary>
    public static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<RunningStat> axes)
    {
        double sum = 0;
        for (var i = 0; i < Axes; i++)
        {
            var d = (a[i] - b[i]) / Math.Max(axes[i].StdDev, 0.05);
            sum += d * d;
        }
        return Math.Sqrt(sum / Axes);
    }

    public static double DistanceToCentroid(ReadOnlySpan<float> a, ReadOnlySpan<RunningStat> axes)
    {
        double sum = 0;
        for (var i = 0; i < Axes; i++)
        {
            var d = (a[i] - axes[i].Mean) / Math.Max(axes[i].StdDev, 0.05);
            sum += d * d;
        }
        return Math.Sqrt(sum / Axes);
    }
}
