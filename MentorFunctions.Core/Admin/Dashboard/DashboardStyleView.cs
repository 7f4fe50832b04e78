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

    public static StyleViewDto Build(MentorRecord mentor, StyleProfile? raw, StyleSnapshot snapshot, IReadOnlyList<StyleProfile> programme, DelayPlanner planner)
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
            Heatmap(raw, mentor.QuietHours?.TimeZone),
            Latency(mentor, raw, snapshot, planner),
            new LengthDto(raw?.Chars.Mean ?? 0, raw?.Chars.StdDev ?? 0, raw?.Words.Mean ?? 0, []),
            Habits(raw, programme),
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
    /// current UTC offset (whole hours), which is exact outside daylight-saving changes.
    /// </summary>
    public static WeekHeatmapDto Heatmap(StyleProfile? raw, string? timeZone)
    {
        var zone = QuietWindow.TryFindZone(timeZone) ?? TimeZoneInfo.Utc;
        var offset = zone.GetUtcOffset(DateTimeOffset.UtcNow).TotalHours;
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
