using System.Globalization;
using MentorFunctions.Core.Llm;
using MentorFunctions.Core.Llm.Tokens;
using MentorFunctions.Core.Replies;
using MentorFunctions.Core.Style;
using MentorLab.Attribution;
using MentorLab.Cli;
using MentorLab.Export;
using Microsoft.Extensions.Options;

namespace MentorLab.Replies;

/// <summary>
/// The experiment: per mentor (an author with ≥ N messages), a time-ordered split (<see cref="HeldOutReplies"/>); for
/// the earliest held-out replies, the stand-in's reply written with the production prompt and the configured model
/// (<see cref="ReplyGenerator"/>), then scored against the real replies (<see cref="ReplyScoring"/>). Items go in
/// export order and one at a time, so two runs ask the model the same things in the same order.
/// </summary>
public static class RepliesExperiment
{
    public static async Task<RepliesResult> RunAsync(ZulipExport export, RepliesOptions options, IChatModel model, LabConsole console,
        CancellationToken ct, Func<TimeSpan, CancellationToken, Task>? wait = null)
    {
        var bySender = export.BySender();
        var authors = bySender.Where(p => p.Value.Count >= options.MinMessages).OrderBy(p => p.Key).ToList();
        if (authors.Count < 2)
            throw new LabUsageException($"{authors.Count} author(s) have at least {options.MinMessages} messages; replies needs two or more as attribution candidates (lower --min-messages).");
        var chosen = Choose(authors.Select(p => (p.Key, p.Value[^1].SenderFullName)).ToList(), options.Mentors, options.MinMessages);

        var position = new Dictionary<long, int>(export.Messages.Count);
        for (var i = 0; i < export.Messages.Count; i++) position[export.Messages[i].Id] = i;
        var conversations = export.Messages.GroupBy(m => m.Conversation).ToDictionary(g => g.Key, g => g.ToList());
        var replyOptions = new ReplyOptions { PromptTokenBudget = options.PromptTokenBudget };
        var style = new StyleOptions();
        var splits = new List<MentorSplit>(authors.Count);
        for (var a = 0; a < authors.Count; a++)
        {
            splits.Add(HeldOutReplies.Split(authors[a].Key, authors[a].Value, conversations, position, options.TrainShare, replyOptions.HistoryMessages, style, ct));
            console.Progress("learning profiles", a + 1, authors.Count);
        }

        // The candidates: every mentor's training profile, for the AI replies and the real ones alike.
        var byProfile = new ProfileAttribution(splits.Select(s => s.Profile).ToList());
        var delta = CosineDelta.Fit(splits.Select(s => s.TrainingTexts).ToList(), 300);

        var tokens = TokenCounters.For(options.Llm);
        var generator = new ReplyGenerator(model, new PromptBuilder(Options.Create(replyOptions), tokens), tokens, replyOptions, options.Llm, options.Retries, wait);
        var total = chosen.Sum(c => Math.Min(options.MaxReplies, splits[c].Replies.Count));
        var done = 0;
        var mentors = new List<MentorReplies>();
        foreach (var c in chosen)
        {
            var split = splits[c];
            var mentor = HeldOutReplies.Mentor(split.Id, split.Name);
            var items = split.Replies.Take(options.MaxReplies).ToList();
            var generated = new List<GeneratedReply>(items.Count);
            foreach (var item in items)
            {
                // As the deliver step reads it: the pair's profile blended with the mentor's, exemplars from the pair only.
                var snapshot = StyleBlend.Read(split.Id, split.Profile, item.Pair.Messages > 0 ? item.Pair : null, exemplarsFromPairOnly: true);
                generated.Add(await generator.GenerateAsync(snapshot, mentor, item.History, ct).ConfigureAwait(false));
                console.Progress("generating replies", ++done, total);
            }
            mentors.Add(Score(split, c, items, generated, splits.Count, byProfile, delta, options.IncludeText, split.Replies.Count));
        }
        if (total == 0) console.Note("no held-out reply to generate (a mentor's reply after the split that follows another person's message).");

        var all = mentors.SelectMany(m => m.Pairs).ToList();
        var latencies = all.Where(p => p.Failure is null).Select(p => p.LatencyMs).ToList();
        var summary = new RepliesSummary(mentors.Count, all.Count, all.Count(p => p.Failure is null), all.Count(p => p.Failure is not null),
            mentors.Sum(m => m.Cost.PromptTokens), mentors.Sum(m => m.Cost.CompletionTokens),
            ReplyScoring.Median(latencies), ReplyScoring.Quantile(latencies, 0.95));
        var described = new ModelDescription(options.Llm.Provider.ToString(), options.Llm.Deployment, options.Llm.ModelName,
            LlmRequestShapes.Resolve(options.Llm).ToString(), tokens.Name, options.PromptTokenBudget, options.Llm.MaxOutputTokens, options.Llm.Temperature);
        return new RepliesResult(export.Messages.Count, bySender.Count, authors.Count, options.MinMessages, options.TrainShare, options.MaxReplies,
            options.IncludeText, described, mentors, summary);
    }

    private static MentorReplies Score(MentorSplit split, int index, IReadOnlyList<HeldOutReply> items, IReadOnlyList<GeneratedReply> generated,
        int candidates, ProfileAttribution byProfile, CosineDelta delta, bool includeText, int heldOut)
    {
        var ai = generated.Where(g => g.Text is not null).Select(g => g.Text!).ToList();
        var real = items.Select(i => i.Real.Content).ToList();
        var signatures = ReplyScoring.Signatures(split.Profile, ai, real, includeText);
        var answered = generated.Where(g => double.IsFinite(g.LatencyMs)).ToList();
        var cost = new CostFigures(
            generated.Sum(g => g.Calls), ai.Count,
            generated.Sum(g => (long)g.PromptTokens), generated.Sum(g => (long)g.CompletionTokens),
            answered.Count == 0 ? double.NaN : answered.Average(g => (double)g.PromptTokens),
            answered.Count == 0 ? double.NaN : answered.Average(g => (double)g.CompletionTokens),
            answered.Count(g => g.TokensFromUsage), answered.Count(g => !g.TokensFromUsage),
            ReplyScoring.Median(answered.Select(g => g.LatencyMs).ToList()), ReplyScoring.Quantile(answered.Select(g => g.LatencyMs).ToList(), 0.95));
        var failures = generated.Where(g => g.Failure is not null)
            .GroupBy(g => (g.Failure!.Value, g.FailureDetail ?? ""))
            .OrderBy(g => g.Key.Value).ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
            .Select(g => new FailureCount(g.Key.Value, g.Key.Item2, g.Count())).ToList();
        var guard = generated.Where(g => g.GuardReason is not null).GroupBy(g => g.GuardReason!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GuardCount(g.Key, g.Count())).ToList();
        var pairs = items.Zip(generated, (item, g) => new ReplyPair(
            item.Student.Id, item.Real.Id, item.Student.SenderId, g.HistoryMessagesUsed, g.Failure, g.GuardReason,
            g.PromptTokens, g.CompletionTokens, g.LatencyMs,
            includeText ? string.Join("\n\n", item.Burst.Select(m => m.Content)) : null,
            includeText ? item.Real.Content : null,
            includeText ? g.Text : null)).ToList();
        return new MentorReplies(split.Id, split.Name, split.TrainMessages, heldOut, items.Count, ai.Count, failures, guard,
            ReplyScoring.Attribute(index, ai, real, byProfile, delta, candidates),
            ReplyScoring.Distributions(ai, real),
            signatures, ReplyScoring.SignatureRateRatio(signatures),
            ReplyScoring.Emoji(split.Profile, ai, real),
            cost, pairs);
    }

    /// <summary>The mentors asked for (ids or full names, case-insensitive), in id order; every eligible author when none are.</summary>
    private static List<int> Choose(IReadOnlyList<(long Id, string Name)> authors, IReadOnlyList<string> asked, int minMessages)
    {
        if (asked.Count == 0) return Enumerable.Range(0, authors.Count).ToList();
        var chosen = new SortedSet<int>();
        foreach (var a in asked)
        {
            var i = long.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                ? authors.ToList().FindIndex(x => x.Id == id)
                : authors.ToList().FindIndex(x => string.Equals(x.Name, a, StringComparison.OrdinalIgnoreCase));
            if (i < 0)
                throw new LabUsageException($"--mentors: '{a}' is not an author with at least {minMessages} messages (mentors: {string.Join(", ", authors.Select(x => $"{x.Id} {x.Name}"))}).");
            chosen.Add(i);
        }
        return chosen.ToList();
    }
}
