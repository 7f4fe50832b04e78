using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorLab.Cli;
using MentorLab.Export;

namespace MentorLab.Attribution;

/// <summary>
/// The experiment: per author (≥ N messages), a time-ordered split; profiles learned from the training part exactly as
/// production learns them (decode the stored profile, <see cref="StyleLearner.Learn"/>, encode, for every message);
/// held-out windows of consecutive messages attributed from the stored profiles, and by Cosine Delta on the same split.
/// </summary>
public static class AttributionExperiment
{
    public static AttributionResult Run(ZulipExport export, AttributionOptions options, LabConsole console, CancellationToken ct)
    {
        var bySender = export.BySender();
        var authors = bySender.Where(p => p.Value.Count >= options.MinMessages).OrderBy(p => p.Key).ToList();
        if (authors.Count < 2)
            throw new LabUsageException($"{authors.Count} author(s) have at least {options.MinMessages} messages; attribution needs two or more (lower --min-messages).");

        var train = new List<ExportMessage>[authors.Count];
        var test = new List<ExportMessage>[authors.Count];
        for (var a = 0; a < authors.Count; a++)
        {
            var all = authors[a].Value;
            var cut = Math.Clamp((int)Math.Round(all.Count * options.TrainShare), 1, all.Count - 1);
            train[a] = all.GetRange(0, cut);
            test[a] = all.GetRange(cut, all.Count - cut);
        }

        var stored = new byte[authors.Count][];
        var profiles = new StyleProfile[authors.Count];
        var totalTrain = train.Sum(t => (long)t.Count);
        long done = 0;
        for (var a = 0; a < authors.Count; a++)
        {
            ct.ThrowIfCancellationRequested();
            stored[a] = LearnAsProductionDoes(train[a], ref done, totalTrain, console);
            profiles[a] = ProfileCodec.Deserialize(stored[a]).Profile;
        }
        console.Progress("learning profiles", totalTrain, totalTrain);

        var byProfile = new ProfileAttribution(profiles);
        var delta = CosineDelta.Fit(train.Select(t => (IReadOnlyList<string>)t.Select(m => m.Content).ToList()).ToList(), options.MostFrequentWords);

        var accuracy = new List<WindowAccuracy>();
        foreach (var size in options.WindowTokens)
        {
            int windows = 0, p1 = 0, p5 = 0, d1 = 0, d5 = 0;
            long tokens = 0;
            for (var a = 0; a < authors.Count; a++)
            {
                ct.ThrowIfCancellationRequested();
                foreach (var window in Windows(test[a], size))
                {
                    var profile = ProfileCodec.Deserialize(ProfileCodec.Serialize(LearnWindow(window))).Profile;
                    var rankProfile = VectorMath.Rank(byProfile.Distances(profile), a);
                    var rankDelta = VectorMath.Rank(delta.Distances(window.Select(m => m.Content)), a);
                    windows++;
                    tokens += window.Sum(m => DeltaTokens.Whitespace(m.Content));
                    if (rankProfile == 1) p1++;
                    if (rankProfile <= 5) p5++;
                    if (rankDelta == 1) d1++;
                    if (rankDelta <= 5) d5++;
                }
                console.Progress($"attributing {size}-token windows", a + 1, authors.Count);
            }
            double Share(int k) => windows == 0 ? double.NaN : (double)k / windows;
            accuracy.Add(new WindowAccuracy(size, windows, windows == 0 ? 0 : (double)tokens / windows, Share(p1), Share(p5), Share(d1), Share(d5),
                1.0 / authors.Count, Math.Min(1, 5.0 / authors.Count)));
        }

        var rows = authors.Select((p, a) => new AuthorRow(p.Key, p.Value[^1].SenderFullName, train[a].Count, test[a].Count, stored[a].Length)).ToList();
        var sizes = stored.Select(s => s.Length).Order().ToArray();
        var busiest = Enumerable.Range(0, authors.Count).MaxBy(a => train[a].Count);
        var activity = profiles[busiest].Activity;
        var activityTotal = Math.Max(1, activity.Sum());
        return new AttributionResult(
            export.Messages.Count,
            bySender.Count,
            options.MinMessages,
            options.TrainShare,
            options.MostFrequentWords,
            rows,
            accuracy,
            new SizeSummary(sizes[0], sizes[sizes.Length / 2], sizes[(int)Math.Min(sizes.Length - 1, Math.Ceiling(sizes.Length * 0.9) - 1)], sizes[^1], sizes.Average()),
            rows[busiest].Id,
            rows[busiest].Name,
            activity.Select(c => (double)c / activityTotal).ToArray());
    }

    /// <summary>As the record step does for every mentor message: read the stored profile, learn, store it again.</summary>
    private static byte[] LearnAsProductionDoes(List<ExportMessage> messages, ref long done, long total, LabConsole console)
    {
        var stored = ProfileCodec.Serialize(new StyleProfile());
        foreach (var m in messages)
        {
            var (profile, _, _) = ProfileCodec.Deserialize(stored);
            StyleLearner.Learn(m.Content, m.SentAt, profile);
            stored = ProfileCodec.Serialize(profile);
            if (++done % 1000 == 0) console.Progress("learning profiles", done, total);
        }
        return stored;
    }

    private static StyleProfile LearnWindow(List<ExportMessage> window)
    {
        var profile = new StyleProfile();
        foreach (var m in window) StyleLearner.Learn(m.Content, m.SentAt, profile);
        return profile;
    }

    /// <summary>Consecutive messages gathered until they hold at least <paramref name="minTokens"/> whitespace tokens; a short tail is dropped.</summary>
    public static IEnumerable<List<ExportMessage>> Windows(IReadOnlyList<ExportMessage> messages, int minTokens)
    {
        var window = new List<ExportMessage>();
        var tokens = 0;
        foreach (var m in messages)
        {
            window.Add(m);
            tokens += DeltaTokens.Whitespace(m.Content);
            if (tokens < minTokens) continue;
            yield return window;
            window = [];
            tokens = 0;
        }
    }
}
