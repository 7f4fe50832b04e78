using System.Globalization;
using System.Text;

namespace MentorFunctions.Core.Style;

/// <summary>The profile in words, for the mentor's <c>status</c> command.</summary>
public static class StyleSummary
{
    private static readonly string[] Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>
    /// E.g. "usually answers in about 12 min; casual; about 180 characters; often says 'great question'; active Mon–Fri
    /// 09–18 UTC (from 240 messages)".
    /// </summary>
    public static string Describe(StyleSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var parts = new List<string>(6);
        var median = Math.Exp(snapshot.Timing.LogMeanSeconds);
        parts.Add(snapshot.Timing.LatencySamples > 0
            ? $"usually answers in about {Duration(median)}"
            : $"reply time not learned yet (assuming about {Duration(median)})");
        parts.Add(FormalityLabel(snapshot.Formality));
        parts.Add($"about {RoundChars(snapshot.MeanChars)} characters");
        if (snapshot.Phrases.Count > 0)
            parts.Add("often says " + string.Join(", ", snapshot.Phrases.Take(2).Select(p => $"'{p.Text}'")));
        if (snapshot.FavouriteEmoji.Count > 0 && snapshot.EmojiPerMessage >= 0.1)
            parts.Add("uses emoji (" + string.Join(" ", snapshot.FavouriteEmoji.Take(3)) + ")");
        var active = ActiveWindow(snapshot.Timing.ActivityByHourOfWeek);
        if (active is not null) parts.Add("active " + active);
        var text = string.Join("; ", parts);
        return snapshot.MessagesSeen == 0
            ? "no messages learned yet, using defaults: " + text
            : text + $" (from {snapshot.MessagesSeen.ToString(CultureInfo.InvariantCulture)} messages)";
    }

    public static string FormalityLabel(double formality) => formality switch
    {
        < -0.45 => "very casual",
        < -0.12 => "casual",
        <= 0.12 => "neutral",
        <= 0.45 => "formal",
        _ => "very formal",
    };

    public static string Duration(double seconds)
    {
        var c = CultureInfo.InvariantCulture;
        if (seconds < 90) return Math.Max(1, Math.Round(seconds)).ToString(c) + " s";
        if (seconds < 90 * 60) return Math.Round(seconds / 60).ToString(c) + " min";
        if (seconds < 36 * 3600) return Math.Round(seconds / 3600).ToString(c) + " h";
        return Math.Round(seconds / 86400).ToString(c) + " days";
    }

    private static int RoundChars(double chars) => chars < 100 ? (int)Math.Round(chars / 5) * 5 : (int)Math.Round(chars / 10) * 10;

    /// <summary>
    /// The days holding a fair share of the activity and the shortest daily window (wrapping midnight) that holds 90% of
    /// it, e.g. "Mon–Fri 09–18 UTC". Null when nothing is known.
    /// </summary>
    public static string? ActiveWindow(IReadOnlyList<double> byHourOfWeek)
    {
        if (byHourOfWeek.Count != StyleProfile.HoursPerWeek) return null;
        var days = new double[7];
        var hours = new double[24];
        double total = 0;
        for (var h = 0; h < byHourOfWeek.Count; h++)
        {
            days[h / 24] += byHourOfWeek[h];
            hours[h % 24] += byHourOfWeek[h];
            total += byHourOfWeek[h];
        }
        if (total <= 0) return null;

        var busiest = days.Max();
        var activeDays = Enumerable.Range(0, 7).Where(d => days[d] >= busiest * 0.25).ToArray();

        var bestStart = 0;
        var bestLength = 24;
        for (var length = 1; length <= 24 && bestLength == 24; length++)
        {
            for (var start = 0; start < 24; start++)
            {
                double sum = 0;
                for (var k = 0; k < length; k++) sum += hours[(start + k) % 24];
                if (sum >= total * 0.9 - 1e-9)
                {
                    bestStart = start;
                    bestLength = length;
                    break;
                }
            }
        }
        var window = bestLength >= 24
            ? "around the clock"
            : $"{bestStart:00}–{(bestStart + bestLength) % 24:00} UTC";
        return DayRanges(activeDays) + " " + window;
    }

    private static string DayRanges(int[] activeDays)
    {
        if (activeDays.Length == 7) return "every day";
        var text = new StringBuilder();
        for (var i = 0; i < activeDays.Length;)
        {
            var j = i;
            while (j + 1 < activeDays.Length && activeDays[j + 1] == activeDays[j] + 1) j++;
            if (text.Length > 0) text.Append(", ");
            text.Append(Days[activeDays[i]]);
            if (j > i) text.Append(j == i + 1 ? ", " : "–").Append(Days[activeDays[j]]);
            i = j + 1;
        }
        return text.ToString();
    }
}
