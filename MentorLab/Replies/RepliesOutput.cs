using System.Globalization;
using System.Text.Json;
using MentorLab.Report;

namespace MentorLab.Replies;

/// <summary>The replies results as a table (stdout), JSON and an HTML report per mentor. Message text only with --include-text.</summary>
public static class RepliesOutput
{
    public static void WriteTable(RepliesResult r, TextWriter output)
    {
        var s = r.Summary;
        output.WriteLine(FormattableString.Invariant(
            $"replies: {s.Mentors} mentor(s) of {r.Candidates} candidates with >= {r.MinMessages} messages ({r.Messages} messages); train {r.TrainShare:P0}, time-ordered; up to {r.MaxReplies} held-out replies each; model {r.Model.Model} ({r.Model.Provider})"));
        output.WriteLine("mentor                       replies  ok  failed  top-1 AI/real profile  top-1 AI/real delta  chars D  words D  punct D  signature x  prompt tok  compl tok  latency med/p95");
        foreach (var m in r.Mentors)
        {
            var a = m.Attribution;
            output.WriteLine(FormattableString.Invariant(
                $"{Trim(m.Name, 28),-28} {m.Attempted,7} {m.Generated,3} {m.Attempted - m.Generated,7}  {P(a.AiProfileTop1) + " / " + P(a.RealProfileTop1),21}  {P(a.AiDeltaTop1) + " / " + P(a.RealDeltaTop1),19}  {F(D(m, "chars")),7}  {F(D(m, "words")),7}  {F(D(m, "punctuation per 100 chars")),7}  {F(m.SignatureRateRatio),11}  {F(m.Cost.MeanPromptTokens, "0"),10}  {F(m.Cost.MeanCompletionTokens, "0"),9}  {Ms(m.Cost.MedianLatencyMs)}/{Ms(m.Cost.P95LatencyMs)}"));
        }
        output.WriteLine(FormattableString.Invariant(
            $"{s.Generated} of {s.Attempted} replies generated ({s.Failed} failed); {s.PromptTokens} prompt + {s.CompletionTokens} completion tokens; model latency median {Ms(s.MedianLatencyMs)}, p95 {Ms(s.P95LatencyMs)}"));
        foreach (var m in r.Mentors.Where(m => m.Failures.Count > 0))
            output.WriteLine($"failures for {m.Name}: " + string.Join(", ", m.Failures.Select(f => $"{f.Kind} {f.Detail} x{f.Count}")));
        output.WriteLine("top-1 = share of single replies attributed to their mentor among all candidates' training profiles; D = two-sample KS, AI against real; signature x = AI uses of the mentor's signature phrases, openers, sign-offs and emoji per message over the training rate (above 1: overused)");
    }

    public static void WriteJson(RepliesResult r, string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(r, RepliesJsonContext.Default.RepliesResult));
    }

    /// <summary>index.html (every mentor's figures) and replies-&lt;id&gt;.html per mentor; returns the files written.</summary>
    public static IReadOnlyList<string> WriteHtml(RepliesResult r, string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var index = new HtmlReport("mentor-lab: the stand-in's replies");
        index.Paragraph(Method(r));
        index.Table(["mentor", "report", "replies", "generated", "AI top-1 (profile)", "real top-1 (profile)", "AI top-1 (Delta)", "real top-1 (Delta)", "chars KS D", "signature ratio", "mean prompt tokens", "median latency"],
            r.Mentors.Select(m => (IReadOnlyList<string>)
            [
                m.Name, FileName(m), I(m.Attempted), I(m.Generated), P(m.Attribution.AiProfileTop1), P(m.Attribution.RealProfileTop1),
                P(m.Attribution.AiDeltaTop1), P(m.Attribution.RealDeltaTop1), F(D(m, "chars")), F(m.SignatureRateRatio), F(m.Cost.MeanPromptTokens, "0"), Ms(m.Cost.MedianLatencyMs),
            ]));
        var indexPath = Path.Combine(folder, "index.html");
        index.Save(indexPath);
        written.Add(indexPath);
        foreach (var m in r.Mentors)
        {
            var path = Path.Combine(folder, FileName(m));
            Mentor(r, m).Save(path);
            written.Add(path);
        }
        return written;
    }

    private static HtmlReport Mentor(RepliesResult r, MentorReplies m)
    {
        var a = m.Attribution;
        var report = new HtmlReport($"mentor-lab: the stand-in's replies for {m.Name}");
        report.Paragraph(Method(r));
        report.Paragraph(FormattableString.Invariant(
            $"{m.Name}: {m.TrainMessages} training messages, {m.HeldOutReplies} held-out replies, {m.Attempted} attempted, {m.Generated} AI replies generated."));
        report.Heading("Would a reader know it is them?");
        report.Table(["", "AI replies", "real replies", "chance"],
        [
            ["top-1, stored style profile", P(a.AiProfileTop1), P(a.RealProfileTop1), P(a.ChanceTop1)],
            ["top-1, Cosine Delta", P(a.AiDeltaTop1), P(a.RealDeltaTop1), P(a.ChanceTop1)],
            ["rank of all replies together, profile", I(a.AiPooledProfileRank), I(a.RealPooledProfileRank), "-"],
            ["rank of all replies together, Cosine Delta", I(a.AiPooledDeltaRank), I(a.RealPooledDeltaRank), "-"],
        ]);
        report.Bars("Share of single replies attributed to this mentor", "top-1", ["stored style profile", "Cosine Delta"],
        [
            new PlotSeries("AI replies", [a.AiProfileTop1, a.AiDeltaTop1]),
            new PlotSeries("real replies", [a.RealProfileTop1, a.RealDeltaTop1]),
            new PlotSeries("chance", [a.ChanceTop1, a.ChanceTop1]),
        ], 1);
        report.Heading("Length and punctuation");
        report.Table(["measure", "AI median", "real median", "KS D", "p"],
            m.Distributions.Select(d => (IReadOnlyList<string>)[d.Measure, F(d.AiMedian, "0.#"), F(d.RealMedian, "0.#"), F(d.D), F(d.P)]));
        var ai = m.Pairs.Where(p => p.Failure is null).ToList();
        if (m.Pairs.Any(p => p.Ai is not null))
        {
            report.Cdf("Reply length in characters", "characters",
            [
                new PlotSeries("AI", ai.Select(p => ReplyScoring.Measure(p.Ai!).Chars).ToList()),
                new PlotSeries("real", m.Pairs.Select(p => ReplyScoring.Measure(p.Real!).Chars).ToList()),
            ]);
        }
        report.Heading("Signature phrases, openers, sign-offs and emoji");
        report.Paragraph(FormattableString.Invariant(
            $"Uses per message. Ratio = AI rate over the training rate (above 1: the imitation overuses it). All items together: {F(m.SignatureRateRatio)}. Emoji per message: training {F(m.Emoji.TrainingPerMessage)}, real held-out {F(m.Emoji.HeldOutPerMessage)}, AI {F(m.Emoji.AiPerMessage)} (ratio {F(m.Emoji.Ratio)})."));
        report.Table(["kind", "item", "training", "real held-out", "AI", "ratio"],
            m.Signatures.Select(s => (IReadOnlyList<string>)[s.Kind, s.Text ?? "#" + I(s.Rank), F(s.TrainingRate), F(s.HeldOutRate), F(s.AiRate), F(s.Ratio)]));
        report.Heading("Cost");
        var c = m.Cost;
        report.Table(["model calls", "AI replies", "prompt tokens", "completion tokens", "mean prompt", "mean completion", "from usage / estimated", "latency median", "latency p95"],
        [
            [I(c.Calls), I(c.Replies), c.PromptTokens.ToString(CultureInfo.InvariantCulture), c.CompletionTokens.ToString(CultureInfo.InvariantCulture),
                F(c.MeanPromptTokens, "0"), F(c.MeanCompletionTokens, "0"), I(c.TokensFromUsage) + " / " + I(c.TokensEstimated), Ms(c.MedianLatencyMs), Ms(c.P95LatencyMs)],
        ]);
        if (m.Failures.Count > 0 || m.GuardFlags.Count > 0)
        {
            report.Heading("Failures and the output guard");
            report.Table(["what", "detail", "count"],
                m.Failures.Select(f => (IReadOnlyList<string>)[f.Kind.ToString(), f.Detail, I(f.Count)])
                    .Concat(m.GuardFlags.Select(g => (IReadOnlyList<string>)["would be withheld", g.Reason, I(g.Count)])));
        }
        if (r.IncludesText)
        {
            report.Heading("The replies side by side");
            report.TextTable(["student", "real reply", "AI reply"],
                m.Pairs.Select(p => (IReadOnlyList<string>)[p.Student ?? "", p.Real ?? "", p.Ai ?? "(" + (p.Failure?.ToString() ?? "none") + ")"]));
        }
        else
        {
            report.Paragraph("Message text is left out of this report; run with --include-text, where the export's owner allows it, to see the replies side by side.");
        }
        return report;
    }

    private static string Method(RepliesResult r) => FormattableString.Invariant(
        $"Each mentor's earliest {r.TrainShare:P0} of messages train the production style profile. For each held-out student message the mentor really answered (earliest first, up to {r.MaxReplies} a mentor), the production prompt is built from that profile and that student's conversation only, and the model ({r.Model.Model}, {r.Model.Provider}, prompt budget {r.Model.PromptTokenBudget} tokens counted as {r.Model.Tokenizer}) writes the stand-in's reply; its AI label is removed before scoring. Attribution candidates: the training profiles of all {r.Candidates} authors with at least {r.MinMessages} messages.");

    private static string FileName(MentorReplies m) => "replies-" + m.Id.ToString(CultureInfo.InvariantCulture) + ".html";
    private static double D(MentorReplies m, string measure) => m.Distributions.FirstOrDefault(d => d.Measure == measure)?.D ?? double.NaN;
    private static string Trim(string s, int n) => TableFormat.Trim(s, n);
    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string F(double v, string format = "0.000") => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
    private static string P(double v) => TableFormat.Percent(v);
    private static string Ms(double ms) => !double.IsFinite(ms) ? "-" : ms < 1000 ? ms.ToString("0", CultureInfo.InvariantCulture) + " ms" : (ms / 1000).ToString("0.0#", CultureInfo.InvariantCulture) + " s";
}
