using System.Globalization;
using System.Text.Json;
using MentorLab.Report;

namespace MentorLab.Timing;

/// <summary>The timing results as a table (stdout), JSON and an HTML report.</summary>
public static class TimingOutput
{
    public static void WriteTable(TimingResult r, TextWriter output)
    {
        var s = r.Summary;
        output.WriteLine(FormattableString.Invariant(
            $"timing: {s.Authors} authors (of {r.Senders} senders, {r.Messages} messages); train {r.TrainShare:P0}, time-ordered; timestamps every {r.TimestampResolutionSeconds} s; gaps up to {r.MaxLearnedLatencyHours:0.##} h; half-life {r.HalfLifeDays:0.##} d"));
        output.WriteLine("author                        train  test  real med  drawn med  ratio      D      p  pass   unclamped D      p  pass  top24 learned/raw/population");
        foreach (var a in r.Authors)
            output.WriteLine(FormattableString.Invariant(
                $"{Trim(a.Name, 28),-28} {a.TrainGaps,6} {a.TestGaps,5} {Dur(a.RealMedianSeconds),9} {Dur(a.DrawnMedianSeconds),10} {a.MedianRatio,6:0.00} {a.D,6:0.000} {a.P,6:0.000}  {(a.Passes ? "yes" : "no"),4}   {a.UnclampedD,11:0.000} {a.UnclampedP,6:0.000}  {(a.UnclampedPasses ? "yes" : "no"),4}  {P(a.LearnedTop24)}/{P(a.RawTop24)}/{P(a.PopulationTop24)}"));
        output.WriteLine(FormattableString.Invariant(
            $"KS at 5%: {P(s.PassRate)} of authors pass with MaxDelay {r.MaxDelayMinutes:0.##} min, {P(s.UnclampedPassRate)} with MaxDelay at the {r.MaxLearnedLatencyHours:0.##} h cap; median drawn/real median ratio {s.MedianOfMedianRatios:0.00} (unclamped {s.UnclampedMedianOfMedianRatios:0.00})"));
        output.WriteLine(FormattableString.Invariant(
            $"active hours: held-out messages in the learned top-24 hours {P(s.LearnedTop24)} (raw counts {P(s.RawTop24)}, population {P(s.PopulationTop24)}); top-48 {P(s.LearnedTop48)} (population {P(s.PopulationTop48)})"));
        if (s.ActiveHours is { } h)
            output.WriteLine(FormattableString.Invariant(
                $"active hours, all {h.Authors} authors: learned top-24 {P(h.LearnedTop24)} (own habit as the only prior {P(h.OwnOnlyTop24)}, raw counts {P(h.RawTop24)}, population {P(h.PopulationTop24)}); top-48 {P(h.LearnedTop48)} (population {P(h.PopulationTop48)}); the programme's week weighs {h.Concentration:0.#} messages"));
    }

    public static void WriteJson(TimingResult r, string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(r, TimingJsonContext.Default.TimingResult));
    }

    public static void WriteHtml(TimingResult r, string path, int plotAuthors)
    {
        var s = r.Summary;
        var report = new HtmlReport("mentor-lab: reply timing");
        report.Paragraph(FormattableString.Invariant(
            $"{s.Authors} authors. Each author's earliest {r.TrainShare:P0} of messages train the production profile (the author as mentor, everyone else in their conversations as students); for every later student message the author answered within {r.MaxLearnedLatencyHours:0.##} h, the production planner draws a delay. Two-sample KS per author at 5%."));
        report.Table(["", "production MaxDelay", "MaxDelay at the cap"],
        [
            ["MaxDelay", FormattableString.Invariant($"{r.MaxDelayMinutes:0.##} min"), FormattableString.Invariant($"{r.MaxLearnedLatencyHours:0.##} h")],
            ["authors passing KS", P(s.PassRate), P(s.UnclampedPassRate)],
            ["median of drawn/real median", F(s.MedianOfMedianRatios), F(s.UnclampedMedianOfMedianRatios)],
        ]);
        report.Bars("Active hours: share of held-out messages in the top hours of the week", "share", ["top 24 hours", "top 48 hours"],
        [
            new PlotSeries("learned (smoothed)", [s.LearnedTop24, s.LearnedTop48]),
            new PlotSeries("population", [s.PopulationTop24, s.PopulationTop48]),
        ], 1);
        report.Heading("Real and drawn reply times");
        foreach (var a in r.Authors.OrderByDescending(a => a.TestGaps).Take(plotAuthors))
            report.Cdf(FormattableString.Invariant($"{a.Name}: {a.TestGaps} held-out gaps; KS D {a.D:0.000} (p {a.P:0.000}) with production MaxDelay, {a.UnclampedD:0.000} (p {a.UnclampedP:0.000}) unclamped"),
                "seconds (log scale)",
                [
                    new PlotSeries("real", a.RealGaps.Select(g => Math.Max(1, g)).ToList()),
                    new PlotSeries("drawn (production)", a.DrawnGaps.Select(g => Math.Max(1, g)).ToList()),
                    new PlotSeries("drawn (unclamped)", a.UnclampedGaps.Select(g => Math.Max(1, g)).ToList()),
                ], logX: true);
        if (r.HeatmapShares.Count == 168)
        {
            report.Heading("A mentor's week");
            report.WeekHeatmap($"{r.HeatmapAuthorName}'s learned activity by hour of the week (UTC), smoothed as the planner uses it", r.HeatmapShares);
        }
        report.Heading("Authors");
        report.Table(["author", "training gaps", "held-out gaps", "real median", "drawn median", "D", "p", "passes", "unclamped D", "unclamped p", "top-24 capture (learned / population)"],
            r.Authors.Select(a => (IReadOnlyList<string>)
            [
                a.Name, a.TrainGaps.ToString(CultureInfo.InvariantCulture), a.TestGaps.ToString(CultureInfo.InvariantCulture),
                Dur(a.RealMedianSeconds), Dur(a.DrawnMedianSeconds), F(a.D), F(a.P), a.Passes ? "yes" : "no", F(a.UnclampedD), F(a.UnclampedP),
                P(a.LearnedTop24) + " / " + P(a.PopulationTop24),
            ]));
        report.Save(path);
    }

    private static string Trim(string s, int n) => TableFormat.Trim(s, n);
    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
    private static string P(double v) => TableFormat.Percent(v);

    private static string Dur(double seconds) => !double.IsFinite(seconds) ? "-"
        : seconds < 120 ? seconds.ToString("0", CultureInfo.InvariantCulture) + " s"
        : seconds < 7200 ? (seconds / 60).ToString("0.#", CultureInfo.InvariantCulture) + " min"
        : (seconds / 3600).ToString("0.#", CultureInfo.InvariantCulture) + " h";
}
