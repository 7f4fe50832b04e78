using global::MentorLab.Report;

namespace MentorFunctions.Tests.MentorLab;

public sealed class HtmlReportTests
{
    [Fact]
    public void Renders_a_self_contained_page_with_escaped_text_and_inline_svg_plots()
    {
        var report = new HtmlReport("Lab <report>")
            .Paragraph("a & b")
            .Table(["x", "y"], [["1", "<2>"]])
            .Cdf("latency", "seconds", [new PlotSeries("real", [1, 10, 100]), new PlotSeries("drawn", [2, 20, 200])], logX: true)
            .Bars("accuracy", "top-1", ["40", "100"], [new PlotSeries("profile", [0.2, 0.4])], 1)
            .WeekHeatmap("week", Enumerable.Range(0, 168).Select(i => (double)(i % 24)).ToArray());
        var html = report.Render();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("Lab &lt;report&gt;", html);
        Assert.Contains("a &amp; b", html);
        Assert.Contains("&lt;2&gt;", html);
        Assert.Equal(3, CountOf(html, "<svg"));
        Assert.Equal(2, CountOf(html, "<polyline"));
        Assert.Contains("10 s", html); // log-axis tick labels read as durations
        // 168 heatmap cells, two bars, three legend swatches (two on the CDF, one on the bars).
        Assert.Equal(168 + 2 + 3, CountOf(html, "<rect x="));
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void A_week_has_168_hours()
    {
        Assert.Throws<ArgumentException>(() => new HtmlReport("r").WeekHeatmap("w", new double[24]));
    }

    private static int CountOf(string s, string part)
    {
        var n = 0;
        for (var i = s.IndexOf(part, StringComparison.Ordinal); i >= 0; i = s.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
