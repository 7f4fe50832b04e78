using System.Globalization;
using System.Text.Json;
using MentorLab.Report;

namespace MentorLab.Attribution;

/// <summary>The attribution results as a table (stdout), JSON and an HTML report.</summary>
public static class AttributionOutput
{
    public static void WriteTable(AttributionResult r, TextWriter output)
    {
        output.WriteLine(FormattableString.Invariant(
            $"attribution: {r.Authors.Count} authors with >= {r.MinMessages} messages (of {r.Senders} senders, {r.Messages} messages); train {r.TrainShare:P0} / test {1 - r.TrainShare:P0}, time-ordered"));
        output.WriteLine("tokens  windows  profile top-1  profile top-5  delta top-1  delta top-5  chance top-1  chance top-5");
        foreach (var a in r.Accuracy)
            output.WriteLine(FormattableString.Invariant(
                $"{">=" + a.MinTokens,6}  {a.Windows,7}  {P(a.ProfileTop1),13}  {P(a.ProfileTop5),13}  {P(a.DeltaTop1),11}  {P(a.DeltaTop5),11}  {P(a.ChanceTop1),12}  {P(a.ChanceTop5),12}"));
        output.WriteLine(FormattableString.Invariant(
            $"stored profile bytes: min {r.StoredBytes.Min}, median {r.StoredBytes.Median}, p90 {r.StoredBytes.P90}, max {r.StoredBytes.Max}"));
        output.WriteLine($"profile = nearest stored style profile (z-scored across authors, cosine); delta = Cosine Delta over the {r.MostFrequentWords} most frequent words");
    }

    public static void WriteJson(AttributionResult r, string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(r, AttributionJsonContext.Default.AttributionResult));
    }

    public static void WriteHtml(AttributionResult r, string path)
    {
        var report = new HtmlReport("mentor-lab: authorship attribution");
        report.Paragraph(FormattableString.Invariant(
            $"{r.Authors.Count} authors with at least {r.MinMessages} messages (of {r.Senders} senders, {r.Messages} messages). Each author's earliest {r.TrainShare:P0} of messages train a profile through the production learning code; later messages, in windows of consecutive messages, are attributed using only what the stored profile holds. Cosine Delta ({r.MostFrequentWords} most frequent words) runs on the same split."));
        report.Table(
            ["window (tokens)", "windows", "profile top-1", "profile top-5", "Cosine Delta top-1", "Cosine Delta top-5", "chance top-1", "chance top-5"],
            r.Accuracy.Select(a => (IReadOnlyList<string>)
            [
                ">= " + a.MinTokens.ToString(CultureInfo.InvariantCulture), a.Windows.ToString(CultureInfo.InvariantCulture),
                P(a.ProfileTop1), P(a.ProfileTop5), P(a.DeltaTop1), P(a.DeltaTop5), P(a.ChanceTop1), P(a.ChanceTop5),
            ]));
        var categories = r.Accuracy.Select(a => ">= " + a.MinTokens.ToString(CultureInfo.InvariantCulture) + " tokens").ToList();
        report.Bars("Top-1 accuracy by window size", "top-1 accuracy", categories,
        [
            new PlotSeries("style profile", r.Accuracy.Select(a => a.ProfileTop1).ToList()),
            new PlotSeries("Cosine Delta", r.Accuracy.Select(a => a.DeltaTop1).ToList()),
            new PlotSeries("chance", r.Accuracy.Select(a => a.ChanceTop1).ToList()),
        ], 1);
        report.Bars("Top-5 accuracy by window size", "top-5 accuracy", categories,
        [
            new PlotSeries("style profile", r.Accuracy.Select(a => a.ProfileTop5).ToList()),
            new PlotSeries("Cosine Delta", r.Accuracy.Select(a => a.DeltaTop5).ToList()),
            new PlotSeries("chance", r.Accuracy.Select(a => a.ChanceTop5).ToList()),
        ], 1);
        report.Heading("A mentor's week");
        report.WeekHeatmap($"Share of {r.HeatmapAuthorName}'s training messages by hour of the week (UTC), as the stored profile holds it", r.HeatmapShares);
        report.Heading("Authors");
        report.Table(["author", "id", "training messages", "held-out messages", "stored bytes"],
            r.Authors.Select(a => (IReadOnlyList<string>)
            [
                a.Name, a.Id.ToString(CultureInfo.InvariantCulture), a.TrainMessages.ToString(CultureInfo.InvariantCulture),
                a.TestMessages.ToString(CultureInfo.InvariantCulture), a.StoredBytes.ToString(CultureInfo.InvariantCulture),
            ]));
        report.Save(path);
    }

    private static string P(double v) => TableFormat.Percent(v);
}
