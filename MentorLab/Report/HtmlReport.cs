using System.Globalization;
using System.Net;
using System.Text;

namespace MentorLab.Report;

/// <summary>A named series of numbers for a plot.</summary>
public sealed record PlotSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// A self-contained HTML report: headings, paragraphs, tables and inline SVG plots (empirical CDFs, grouped bar
/// charts, a 7×24 week heatmap). No scripts and no external files, so it can be mailed or archived as one file.
/// </summary>
public sealed class HtmlReport(string title)
{
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];
    private static readonly string[] Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private readonly StringBuilder _body = new();

    public string Title { get; } = title;

    public HtmlReport Heading(string text, int level = 2)
    {
        level = Math.Clamp(level, 1, 4);
        _body.Append("<h").Append(level).Append('>').Append(Escape(text)).Append("</h").Append(level).Append(">\n");
        return this;
    }

    public HtmlReport Paragraph(string text)
    {
        _body.Append("<p>").Append(Escape(text)).Append("</p>\n");
        return this;
    }

    public HtmlReport Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) => AppendTable(null, headers, rows);

    /// <summary>A table of message text: cells keep their line breaks, read left-aligned from the top (the pairs of `replies`).</summary>
    public HtmlReport TextTable(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) => AppendTable("text", headers, rows);

    private HtmlReport AppendTable(string? cssClass, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        _body.Append(cssClass is null ? "<table>" : "<table class=\"" + cssClass + "\">").Append("<thead><tr>");
        foreach (var h in headers) _body.Append("<th>").Append(Escape(h)).Append("</th>");
        _body.Append("</tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach (var cell in row) _body.Append("<td>").Append(Escape(cell)).Append("</td>");
            _body.Append("</tr>\n");
        }
        _body.Append("</tbody></table>\n");
        return this;
    }

    /// <summary>Empirical CDFs of each series on one plot (log x axis when <paramref name="logX"/>, for latencies).</summary>
    public HtmlReport Cdf(string caption, string xLabel, IReadOnlyList<PlotSeries> series, bool logX = false)
    {
        const double w = 640, h = 320, left = 56, right = 16, top = 16, bottom = 44;
        var values = series.SelectMany(s => s.Values).Where(v => double.IsFinite(v) && (!logX || v > 0)).ToArray();
        var svg = new Svg(w, h);
        if (values.Length == 0)
        {
            svg.Text(w / 2, h / 2, "no data", "middle");
            return Figure(caption, svg);
        }
        double Tx(double v) => logX ? Math.Log10(v) : v;
        var min = Tx(values.Min());
        var max = Tx(values.Max());
        if (max - min < 1e-9) { min -= 0.5; max += 0.5; }
        double X(double v) => left + (Tx(v) - min) / (max - min) * (w - left - right);
        double Y(double p) => top + (1 - p) * (h - top - bottom);
        Axes(svg, left, top, w - right, h - bottom);
        foreach (var p in new[] { 0, 0.25, 0.5, 0.75, 1 })
            svg.Text(left - 6, Y(p) + 4, F(p, "0.##"), "end");
        foreach (var (tick, label) in Ticks(min, max, logX))
            svg.Text(left + (tick - min) / (max - min) * (w - left - right), h - bottom + 16, label, "middle");
        svg.Text((left + w - right) / 2, h - 8, xLabel, "middle");
        for (var s = 0; s < series.Count; s++)
        {
            var sorted = series[s].Values.Where(v => double.IsFinite(v) && (!logX || v > 0)).Order().ToArray();
            if (sorted.Length == 0) continue;
            var points = new StringBuilder();
            points.Append(F(X(sorted[0]))).Append(',').Append(F(Y(0)));
            for (var i = 0; i < sorted.Length; i++)
            {
                points.Append(' ').Append(F(X(sorted[i]))).Append(',').Append(F(Y((double)i / sorted.Length)));
                points.Append(' ').Append(F(X(sorted[i]))).Append(',').Append(F(Y((double)(i + 1) / sorted.Length)));
            }
            svg.Raw($"<polyline fill=\"none\" stroke=\"{Palette[s % Palette.Length]}\" stroke-width=\"1.5\" points=\"{points}\"/>");
        }
        Legend(svg, series.Select(s => s.Name).ToList(), left + 8, top + 4);
        return Figure(caption, svg);
    }

    /// <summary>Grouped bars: one group per category, one bar per series (e.g. accuracy by window size, per method).</summary>
    public HtmlReport Bars(string caption, string yLabel, IReadOnlyList<string> categories, IReadOnlyList<PlotSeries> series, double? yMax = null)
    {
        const double w = 640, h = 320, left = 56, right = 16, top = 16, bottom = 44;
        var svg = new Svg(w, h);
        var max = yMax ?? Math.Max(1e-9, series.SelectMany(s => s.Values).Where(double.IsFinite).DefaultIfEmpty(1).Max());
        double Y(double v) => top + (1 - Math.Clamp(v / max, 0, 1)) * (h - top - bottom);
        Axes(svg, left, top, w - right, h - bottom);
        for (var t = 0; t <= 4; t++)
        {
            var v = max * t / 4;
            svg.Text(left - 6, Y(v) + 4, F(v, "0.###"), "end");
        }
        svg.Raw($"<text x=\"14\" y=\"{F((top + h - bottom) / 2)}\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 {F((top + h - bottom) / 2)})\">{Escape(yLabel)}</text>");
        var groupWidth = (w - left - right) / Math.Max(1, categories.Count);
        var barWidth = groupWidth * 0.8 / Math.Max(1, series.Count);
        for (var c = 0; c < categories.Count; c++)
        {
            var x0 = left + c * groupWidth + groupWidth * 0.1;
            for (var s = 0; s < series.Count; s++)
            {
                var v = c < series[s].Values.Count ? series[s].Values[c] : double.NaN;
                if (!double.IsFinite(v)) continue;
                var x = x0 + s * barWidth;
                svg.Raw($"<rect x=\"{F(x)}\" y=\"{F(Y(v))}\" width=\"{F(barWidth * 0.92)}\" height=\"{F(Y(0) - Y(v))}\" fill=\"{Palette[s % Palette.Length]}\"><title>{Escape(series[s].Name)}: {F(v, "0.###")}</title></rect>");
            }
            svg.Text(left + (c + 0.5) * groupWidth, h - bottom + 16, categories[c], "middle");
        }
        Legend(svg, series.Select(s => s.Name).ToList(), left + 8, top + 4);
        return Figure(caption, svg);
    }

    /// <summary>A week as 7 rows (Monday first) × 24 hours; <paramref name="hourOfWeek"/> has 168 values, hour 0 = Monday 00:00.</summary>
    public HtmlReport WeekHeatmap(string caption, IReadOnlyList<double> hourOfWeek)
    {
        if (hourOfWeek.Count != 168) throw new ArgumentException("A week has 168 hours.", nameof(hourOfWeek));
        const double cell = 22, left = 40, top = 8;
        var svg = new Svg(left + 24 * cell + 8, top + 7 * cell + 24);
        var max = Math.Max(1e-12, hourOfWeek.Where(double.IsFinite).DefaultIfEmpty(0).Max());
        for (var d = 0; d < 7; d++)
        {
            svg.Text(left - 6, top + d * cell + cell * 0.7, Days[d], "end");
            for (var hr = 0; hr < 24; hr++)
            {
                var v = hourOfWeek[d * 24 + hr];
                var shade = double.IsFinite(v) ? Math.Clamp(v / max, 0, 1) : 0;
                var light = (int)Math.Round(97 - 62 * shade);
                svg.Raw($"<rect x=\"{F(left + hr * cell)}\" y=\"{F(top + d * cell)}\" width=\"{F(cell - 1)}\" height=\"{F(cell - 1)}\" fill=\"hsl(215,70%,{light}%)\"><title>{Days[d]} {hr:00}:00 — {F(v, "0.###")}</title></rect>");
            }
        }
        for (var hr = 0; hr < 24; hr += 3)
            svg.Text(left + hr * cell + cell / 2, top + 7 * cell + 16, hr.ToString("00", CultureInfo.InvariantCulture), "middle");
        return Figure(caption, svg);
    }

    public string Render()
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Escape(Title)).Append("</title>\n");
        b.Append("<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;color:#222}")
            .Append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
            .Append("th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}figure{margin:1.5em 0}")
            .Append("figcaption{font-size:0.9em;color:#555}svg{font-family:system-ui,sans-serif}")
            .Append("table.text td{white-space:pre-wrap;text-align:left;vertical-align:top;max-width:320px}</style></head><body>\n");
        b.Append("<h1>").Append(Escape(Title)).Append("</h1>\n").Append(_body).Append("</body></html>\n");
        return b.ToString();
    }

    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllText(path, Render(), new UTF8Encoding(false));
    }

    private HtmlReport Figure(string caption, Svg svg)
    {
        _body.Append("<figure>").Append(svg.Render()).Append("<figcaption>").Append(Escape(caption)).Append("</figcaption></figure>\n");
        return this;
    }

    private static void Axes(Svg svg, double x0, double y0, double x1, double y1) =>
        svg.Raw($"<path d=\"M{F(x0)},{F(y0)} V{F(y1)} H{F(x1)}\" fill=\"none\" stroke=\"#444\"/>");

    private static void Legend(Svg svg, IReadOnlyList<string> names, double x, double y)
    {
        for (var i = 0; i < names.Count; i++)
        {
            var yy = y + i * 16;
            svg.Raw($"<rect x=\"{F(x)}\" y=\"{F(yy)}\" width=\"10\" height=\"10\" fill=\"{Palette[i % Palette.Length]}\"/>");
            svg.Text(x + 14, yy + 9, names[i], "start");
        }
    }

    private static IEnumerable<(double At, string Label)> Ticks(double min, double max, bool log)
    {
        if (log)
        {
            for (var e = Math.Ceiling(min); e <= Math.Floor(max); e++)
                yield return (e, Seconds(Math.Pow(10, e)));
            yield break;
        }
        for (var t = 0; t <= 4; t++)
        {
            var v = min + (max - min) * t / 4;
            yield return (v, F(v, "0.##"));
        }
    }

    /// <summary>Log-axis labels read as durations when the values are seconds.</summary>
    private static string Seconds(double s) =>
        s < 60 ? F(s, "0.#") + " s" : s < 3600 ? F(s / 60, "0.#") + " min" : s < 86400 ? F(s / 3600, "0.#") + " h" : F(s / 86400, "0.#") + " d";

    internal static string F(double v, string format = "0.##") => v.ToString(format, CultureInfo.InvariantCulture);

    internal static string Escape(string s) => WebUtility.HtmlEncode(s);

    private sealed class Svg(double width, double height)
    {
        private readonly StringBuilder _b = new();

        public void Raw(string element) => _b.Append(element).Append('\n');

        public void Text(double x, double y, string text, string anchor) =>
            _b.Append($"<text x=\"{F(x)}\" y=\"{F(y)}\" font-size=\"11\" text-anchor=\"{anchor}\">{Escape(text)}</text>\n");

        public string Render() =>
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height)}\" viewBox=\"0 0 {F(width)} {F(height)}\" role=\"img\">\n{_b}</svg>";
    }
}
