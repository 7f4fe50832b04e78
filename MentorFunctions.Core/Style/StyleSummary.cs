using System.Globalization;
using System.Text;
using MentorFunctions.Core.Languages;
using MentorFunctions.Core.Languages.Texts;

namespace MentorFunctions.Core.Style;

/// <summary>The profile in words, for the mentor's <c>status</c> command (in their language) and the dashboard (English).</summary>
public static class StyleSummary
{
    /// <summary>
    /// E.g. "usually answers in about 12 min; casual; about 180 characters; often says 'great question'; active Mon–Fri
    /// 09–18 UTC (from 240 messages)".
    /// </summary>
    public static string Describe(StyleSnapshot snapshot, string language = Language.Default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var parts = new List<string>(6);
        var median = Math.Exp(snapshot.Timing.LogMeanSeconds);
        parts.Add((snapshot.Timing.LatencySamples > 0 ? StyleTexts.AnswersIn : StyleTexts.ReplyTimeNotLearned)
            .Format(language, ("duration", Duration(median, language))));
        parts.Add(FormalityLabel(snapshot.Formality, language));
        parts.Add(StyleTexts.AboutChars.Format(language, ("chars", RoundChars(snapshot.MeanChars))));
        if (snapshot.Phrases.Count > 0)
            parts.Add(StyleTexts.OftenSays.Format(language, ("phrases", string.Join(", ", snapshot.Phrases.Take(2).Select(p => $"'{p.Text}'")))));
        if (snapshot.FavouriteEmoji.Count > 0 && snapshot.EmojiPerMessage >= 0.1)
            parts.Add(StyleTexts.UsesEmoji.Format(language, ("emoji", string.Join(" ", snapshot.FavouriteEmoji.Take(3)))));
        var active = ActiveWindow(snapshot.Timing.ActivityByHourOfWeek, language);
        if (active is not null) parts.Add(StyleTexts.Active.Format(language, ("window", active)));
        var text = string.Join("; ", parts);
        return snapshot.MessagesSeen == 0
            ? StyleTexts.NothingLearned.Format(language, ("summary", text))
            : StyleTexts.FromMessages.Format(language, ("summary", text), ("count", snapshot.MessagesSeen));
    }

    public static string FormalityLabel(double formality, string language = Language.Default) => (formality switch
    {
        < -0.45 => StyleTexts.VeryCasual,
        < -0.12 => StyleTexts.Casual,
        <= 0.12 => StyleTexts.Neutral,
        <= 0.45 => StyleTexts.Formal,
        _ => StyleTexts.VeryFormal,
    }).Template(language);

    public static string Duration(double seconds, string language = Language.Default)
    {
        var c = CultureInfo.InvariantCulture;
        if (seconds < 90) return Math.Max(1, Math.Round(seconds)).ToString(c) + " s";
        if (seconds < 90 * 60) return Math.Round(seconds / 60).ToString(c) + " min";
        if (seconds < 36 * 3600) return Math.Round(seconds / 3600).ToString(c) + " h";
        return Math.Round(seconds / 86400).ToString(c) + " " + StyleTexts.Days.Template(language);
    }

    private static int RoundChars(double chars) => chars < 100 ? (int)Math.Round(chars / 5) * 5 : (int)Math.Round(chars / 10) * 10;

    /// <summary>
    /// The days holding a fair share of the activity and the shortest daily window (wrapping midnight) that holds 90% of
    /// it, e.g. "Mon–Fri 09–18 UTC". Null when nothing is known.
    /// </summary>
    public static string? ActiveWindow(IReadOnlyList<double> byHourOfWeek, string language = Language.Default)
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
            ? StyleTexts.AroundTheClock.Template(language)
            : $"{bestStart:00}–{(bestStart + bestLength) % 24:00} UTC";
        return DayRanges(activeDays, language) + " " + window;
    }

    private static string DayRanges(int[] activeDays, string language)
    {
        if (activeDays.Length == 7) return StyleTexts.EveryDay.Template(language);
        var days = StyleTexts.Weekdays.Template(language).Split(' ');
        var text = new StringBuilder();
        for (var i = 0; i < activeDays.Length;)
        {
            var j = i;
            while (j + 1 < activeDays.Length && activeDays[j + 1] == activeDays[j] + 1) j++;
            if (text.Length > 0) text.Append(", ");
            text.Append(days[activeDays[i]]);
            if (j > i) text.Append(j == i + 1 ? ", " : "–").Append(days[activeDays[j]]);
            i = j + 1;
        }
        return text.ToString();
    }
}
