using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Timing;

namespace MentorFunctions.Core.Admin.Dashboard;

/// <summary>
/// The learned style as chart data: pure functions of the stored profile, the blended snapshot the replies use, and
/// the delay planner, so every number on the page is one the product itself works from.
/// </summary>
public static class DashboardStyleView
{
    private static readonly DateTimeOffset PlannerReference = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero); // a Monday, 00:00 UTC

    public static StyleViewDto Build(MentorRecord mentor, StyleProfile? raw, StyleSnapshot snapshot, IReadOnlyList<StyleProfile> programme, DelayPlanner planner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(planner);
        var messages = raw?.Messages ?? 0;
        var confidence = raw?.Confidence ?? 0;
        return new StyleViewDto(
            messages,
            confidence,
            ConfidenceWords(messages, confidence),
            snapshot.ProfileVersion,
            programme.Count,
            Heatmap(raw, mentor.QuietHours?.TimeZone, now),
            Latency(mentor, raw, snapshot, planner),
            Length(raw, programme),
            Habits(raw, programme),
            raw?.TextChars ?? 0, Marks(raw, programme),
            raw?.TotalWords ?? 0, DistinctiveFunctionWords(raw, programme),
            Phrases(snapshot.Phrases), Phrases(snapshot.Openers), Phrases(snapshot.SignOffs),
            messages == 0 ? "Nothing learned yet: replies use the programme's default style." : StyleSummary.Describe(snapshot));
    }

    public static string ConfidenceWords(long messages, double confidence) => messages switch
    {
        0 => "nothing learned yet",
        _ when confidence < 0.3 => "low: still learning",
        _ when confidence < 0.6 => "moderate",
        _ => "high",
    };

    /// <summary>
    /// Messages by local weekday and hour. The profile counts by UTC hour of week; the grid is shifted by the zone's
    /// UTC offset at <paramref name="now"/> (whole hours), which is exact outside daylight-saving changes.
    /// </summary>
    public static WeekHeatmapDto Heatmap(StyleProfile? raw, string? timeZone, DateTimeOffset now)
    {
        var zone = QuietWindow.TryFindZone(timeZone) ?? TimeZoneInfo.Utc;
        var offset = zone.GetUtcOffset(now).TotalHours;
        var shift = (int)Math.Floor(offset);
        var grid = new long[7][];
        for (var d = 0; d < 7; d++) grid[d] = new long[24];
        long total = 0;
        if (raw is not null)
        {
            for (var utcHour = 0; utcHour < StyleProfile.HoursPerWeek; utcHour++)
            {
                var local = ((utcHour + shift) % 168 + 168) % 168;
                grid[local / 24][local % 24] += raw.Activity[utcHour];
                total += raw.Activity[utcHour];
            }
        }
        return new WeekHeatmapDto(zone == TimeZoneInfo.Utc ? "UTC" : zone.Id, shift, grid, total);
    }

    /// <summary>
    /// The mentor's measured reply latencies per log-scale bin, and the share of <see cref="DashboardData.PlannerDraws"/>
    /// delays the planner draws from this profile that fall in each bin (a burst of one message, not urgent, at the
    /// mentor's most active hour so quiet hours do not move it).
    /// </summary>
    public static LatencyDto Latency(MentorRecord mentor, StyleProfile? raw, StyleSnapshot snapshot, DelayPlanner planner)
    {
        var counts = raw?.LatencyBins ?? new long[LatencyHistogram.Bins];
        var drawn = new long[LatencyHistogram.Bins];
        var at = PlannerReference.AddHours(MostActiveHour(raw)).AddMinutes(30);
        var conversation = new ConversationKey(mentor.BotEmail, mentor.UserId, mentor.UserId + 1);
        var delays = new double[DashboardData.PlannerDraws];
        for (var i = 0; i < delays.Length; i++)
        {
            var id = 1_000_003L + i * 7_919L;
            var plan = planner.Plan(snapshot.Timing, new PlanReplyInput(conversation, id, at, id, at, 1, 0, at));
            delays[i] = plan.DelaySeconds;
            drawn[LatencyHistogram.Bin(plan.DelaySeconds)]++;
        }
        Array.Sort(delays);

        // Only the span that holds data, so the chart is readable: from the first to the last non-empty bin of either.
        int first = LatencyHistogram.Bins, last = -1;
        for (var b = 0; b < LatencyHistogram.Bins; b++)
        {
            if (counts[b] == 0 && drawn[b] == 0) continue;
            first = Math.Min(first, b);
            last = Math.Max(last, b);
        }
        var bins = new List<LatencyBinDto>();
        for (var b = first; b <= last; b++)
            bins.Add(new LatencyBinDto(b, Round(LatencyHistogram.Edge(b)), Round(LatencyHistogram.Edge(b + 1)), counts[b], (double)drawn[b] / delays.Length));
        long samples = 0;
        foreach (var c in counts) samples += c;
        return new LatencyDto(
            samples,
            samples == 0 ? null : DashboardData.FiniteOrNull(Round(LatencyHistogram.Quantile(counts, 0.5))),
            Round(delays[delays.Length / 2]),
            delays.Length,
            bins);
    }

    /// <summary>Per-message habits of the mentor against the average of the programme's mentors (each mentor counted once).</summary>
    public static IReadOnlyList<HabitDto> Habits(StyleProfile? raw, IReadOnlyList<StyleProfile> programme)
    {
        (string Key, string Label, Func<StyleProfile, double> Of)[] habits =
        [
            ("questions", "messages with a question", p => p.Rate(p.Questions)),
            ("exclamations", "messages with an exclamation mark", p => p.Rate(p.Exclamations)),
            ("emoji", "messages with emoji", p => p.Rate(p.EmojiMessages)),
            ("contractions", "messages with contractions (it's, don't)", p => p.Rate(p.ContractionMessages)),
            ("lowercase", "messages starting in lower case", p => p.Rate(p.LowerCaseStarts)),
            ("greetings", "messages opening with a greeting", p => p.Rate(p.Greetings)),
            ("signoffs", "messages closing with a sign-off", p => p.Rate(p.SignOffs)),
            ("markdown", "messages using Markdown", p => p.Rate(p.Markdown)),
            ("code", "messages with code", p => p.Rate(p.Code)),
            ("links", "messages with links", p => p.Rate(p.Links)),
        ];
        return habits.Select(h => new HabitDto(
            h.Key, h.Label,
            Round(raw is null ? 0 : h.Of(raw)),
            Round(programme.Count == 0 ? 0 : programme.Average(h.Of)))).ToList();
    }

    /// <summary>
    /// Messages and sentences by length in words, from the profile's histograms (bins in <see cref="LengthBins"/>), up to
    /// the last bin that the mentor or the programme uses; each bin with the programme's average share.
    /// </summary>
    public static LengthDto Length(StyleProfile? raw, IReadOnlyList<StyleProfile> programme)
    {
        var messages = Bins(raw?.MessageLengths, programme.Select(p => p.MessageLengths).ToList(), LengthBins.MessageLower);
        var sentences = Bins(raw?.SentenceLengths, programme.Select(p => p.SentenceLengths).ToList(), LengthBins.SentenceLower);
        return new LengthDto(
            raw?.Chars.Mean ?? 0, raw?.Chars.StdDev ?? 0, raw?.Words.Mean ?? 0,
            raw?.MessageLengths.Sum() ?? 0, messages, raw?.SentenceLengths.Sum() ?? 0, sentences);
    }

    private static List<LengthBinDto> Bins(long[]? counts, IReadOnlyList<long[]> programme, int[] lower)
    {
        var shares = new double[lower.Length];
        var mentors = 0;
        foreach (var p in programme)
        {
            var total = p.Sum();
            if (total == 0) continue;
            mentors++;
            for (var b = 0; b < lower.Length; b++) shares[b] += (double)p[b] / total;
        }
        var last = -1;
        for (var b = 0; b < lower.Length; b++)
            if ((counts?[b] ?? 0) > 0 || shares[b] > 0) last = b;
        var bins = new List<LengthBinDto>();
        for (var b = 0; b <= last; b++)
            bins.Add(new LengthBinDto(b, lower[b], b + 1 < lower.Length ? lower[b + 1] - 1 : null, counts?[b] ?? 0, Round(mentors == 0 ? 0 : shares[b] / mentors)));
        return bins;
    }

    // The marks shown, in this order. Sentence starts are the base of the lower-case-start rate, not a habit of their own,
    // so they are left out here (the lower-case start is among the per-message habits).
    private static readonly (Mark Mark, string Key, string Label)[] ShownMarks =
    [
        (Mark.Comma, "comma", "commas"), (Mark.Semicolon, "semicolon", "semicolons"), (Mark.Colon, "colon", "colons"),
        (Mark.Dash, "dash", "dashes"), (Mark.Parenthesis, "parenthesis", "parentheses"), (Mark.Ellipsis, "ellipsis", "ellipses (…)"),
        (Mark.ExclamationMark, "exclamation", "exclamation marks"), (Mark.QuestionMark, "question", "question marks"),
        (Mark.QuoteMark, "quote", "double quotes"), (Mark.AsciiSmiley, "smiley", "text smileys :)"), (Mark.FaceEmoji, "face-emoji", "face emoji"),
        (Mark.LowerI, "lower-i", "\"i\" for I"), (Mark.UpperI, "upper-i", "\"I\""), (Mark.AllCapsWord, "all-caps", "ALL-CAPS words"),
        (Mark.LineBreak, "line-break", "line breaks"),
    ];

    /// <summary>Each shown mark per 1,000 characters of the mentor's own text, against the average of the programme's mentors.</summary>
    public static IReadOnlyList<MarkRateDto> Marks(StyleProfile? raw, IReadOnlyList<StyleProfile> programme)
    {
        static double PerThousand(StyleProfile p, Mark mark) => p.TextChars == 0 ? 0 : p.Marks[(int)mark] * 1000.0 / p.TextChars;
        var withText = programme.Where(p => p.TextChars > 0).ToList();
        return ShownMarks.Select(m => new MarkRateDto(
            m.Key, m.Label,
            raw?.Marks[(int)m.Mark] ?? 0,
            Round(raw is null ? 0 : PerThousand(raw, m.Mark)),
            Round(withText.Count == 0 ? 0 : withText.Average(p => PerThousand(p, m.Mark))))).ToList();
    }

    public const int MaxFunctionWords = 8;

    /// <summary>
    /// The function words whose use sets the mentor apart: the <see cref="MaxFunctionWords"/> with the largest binomial
    /// z-score |count − n·p| / √(n·p·(1 − p)), where n is the mentor's words and p the programme's average rate (each
    /// mentor counted once). The z-score, unlike a plain ratio, does not put a word used twice at the top. Empty until
    /// two mentors have words to compare.
    /// </summary>
    public static IReadOnlyList<FunctionWordDto> DistinctiveFunctionWords(StyleProfile? raw, IReadOnlyList<StyleProfile> programme)
    {
        var withWords = programme.Where(p => p.TotalWords > 0).ToList();
        if (raw is null || raw.TotalWords == 0 || withWords.Count < 2) return [];
        var n = (double)raw.TotalWords;
        var result = new List<FunctionWordDto>();
        for (var i = 0; i < FunctionWords.Count; i++)
        {
            var p = withWords.Average(x => (double)x.FunctionWordCounts[i] / x.TotalWords);
            if (p <= 0 || p >= 1) continue;
            var count = raw.FunctionWordCounts[i];
            var z = (count - n * p) / Math.Sqrt(n * p * (1 - p));
            result.Add(new FunctionWordDto(FunctionWords.Words[i], count, Round(count * 1000.0 / n), Round(p * 1000), Math.Round(z, 2)));
        }
        return result.OrderByDescending(w => Math.Abs(w.ZScore)).ThenBy(w => w.Word, StringComparer.Ordinal).Take(MaxFunctionWords).ToList();
    }

    private static IReadOnlyList<PhraseDto> Phrases(IReadOnlyList<PhraseUse> uses) =>
        uses.Select(u => new PhraseDto(u.Text, Round(u.RatePerMessage))).ToList();

    private static int MostActiveHour(StyleProfile? raw)
    {
        if (raw is null) return 12; // Monday noon UTC when nothing is known
        var best = 0;
        for (var h = 1; h < StyleProfile.HoursPerWeek; h++)
            if (raw.Activity[h] > raw.Activity[best]) best = h;
        return raw.Activity[best] == 0 ? 12 : best;
    }

    private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 4) : value;
}
