using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Timing;
using MentorLab.Cli;
using MentorLab.Export;
using MentorLab.Statistics;
using Microsoft.Extensions.Options;

namespace MentorLab.Timing;

/// <summary>
/// The experiment: per author (≥ N messages), a time-ordered split at the author's own messages. Every conversation the
/// author takes part in is replayed through the production learning code with the author as the mentor and everyone
/// else as students (decode the stored pair and mentor profiles, <see cref="StyleLearner.Record"/>, encode, for every
/// message before the split). After the split the same <see cref="PairLedger"/> defines the held-out reply gaps, and the
/// production <see cref="DelayPlanner"/> draws a delay for each of those student messages from the stored profiles.
/// </summary>
/// <remarks>
/// Exports with minute timestamps (some archives) are dequantised for learning: each message gets a deterministic
/// offset within its minute, kept in conversation order. Drawn delays are then stamped to the minute the same way the
/// real ones were, so both samples carry the same rounding.
/// </remarks>
public static class TimingExperiment
{
    public static TimingResult Run(ZulipExport export, TimingLabOptions options, LabConsole console, CancellationToken ct)
    {
        var resolution = Resolution(export.Messages);
        var times = Dequantised(export.Messages, resolution);
        var conversations = export.Messages.GroupBy(m => m.Conversation).ToDictionary(g => g.Key, g => g.ToList());
        var bySender = export.BySender();
        var authors = bySender.Where(p => p.Value.Count >= options.MinMessages).OrderBy(p => p.Key).ToList();
        if (authors.Count == 0)
            throw new LabUsageException($"no author has at least {options.MinMessages} messages (lower --min-messages).");

        var style = new StyleOptions { MaxLearnedLatency = options.MaxLearnedLatency, LatencyHalfLife = options.HalfLife };
        var production = new DelayPlanner(Options.Create(new TimingOptions { MaxDelay = options.MaxDelay }));
        var unclamped = new DelayPlanner(Options.Create(new TimingOptions { MaxDelay = options.MaxLearnedLatency }));
        var urgency = new UrgencyScorer();

        // The population's pattern: every author's training messages by hour of week.
        var cuts = authors.ToDictionary(p => p.Key, p => times[p.Value[Math.Clamp((int)Math.Round(p.Value.Count * options.TrainShare), 1, p.Value.Count - 1)].Id]);
        var population = new long[ActivityPattern.Hours];
        foreach (var (id, messages) in authors)
            foreach (var m in messages)
                if (times[m.Id] < cuts[id]) population[StyleProfile.HourOfWeek(times[m.Id])]++;

        // First every author's replay: the programme's week, the prior of each author's active hours, is learned from all
        // of their profiles, as production's ProfileStore.OrganisationActivityAsync sums every mentor profile of a bot.
        // (The lab plans without quiet hours, so the active hours do not move a drawn delay.)
        var replays = new List<(long Id, List<ExportMessage> Own, StyleProfile Mentor, List<double> Real, List<Planned> Planned)>();
        for (var a = 0; a < authors.Count; a++)
        {
            ct.ThrowIfCancellationRequested();
            var (authorId, own) = authors[a];
            var (mentor, real, planned) = Replay(authorId, own, conversations, times, cuts[authorId], style, urgency, ct);
            replays.Add((authorId, own, mentor, real, planned));
            console.Progress("replaying authors", a + 1, authors.Count);
        }
        var organisation = ActivityPattern.Organisation(replays.Select(r => r.Mentor.ActiveHours).ToList());
        var populationWeights = population.Select(c => (double)c).ToArray();
        var captures = new List<ActiveHoursCapture>();

        var rows = new List<AuthorTiming>();
        StyleProfile? busiest = null;
        (long Id, string Name) busiestAuthor = (0, "");
        var busiestGaps = -1;
        foreach (var (authorId, own, mentor, real, planned) in replays)
        {
            var cut = cuts[authorId];
            var heldOut = own.Where(m => times[m.Id] >= cut).Select(m => StyleProfile.HourOfWeek(times[m.Id])).ToArray();
            var learned = StyleBlend.Read(authorId, mentor, null, organisationActivity: organisation).Timing.ActivityByHourOfWeek;
            var ownOnly = StyleBlend.Read(authorId, mentor, null).Timing.ActivityByHourOfWeek;
            var capture = new ActiveHoursCapture(
                Capture(heldOut, learned, 24), Capture(heldOut, learned, 48), Capture(heldOut, ownOnly, 24),
                Capture(heldOut, mentor.Activity.Select(c => (double)c).ToArray(), 24),
                Capture(heldOut, populationWeights, 24), Capture(heldOut, populationWeights, 48));
            captures.Add(capture);
            if (real.Count < options.MinGaps) continue;

            var realGaps = new List<double>(real.Count);
            var drawn = new List<double>(real.Count);
            var open = new List<double>(real.Count);
            foreach (var (gap, input, timing, trueStart) in real.Zip(planned, (g, p) => (g, p.Input, p.Timing, p.TrueStart)))
            {
                realGaps.Add(gap);
                drawn.Add(Stamp(trueStart, production.Plan(timing, input).DelaySeconds, input.LatestMessageAt, resolution));
                open.Add(Stamp(trueStart, unclamped.Plan(timing, input).DelaySeconds, input.LatestMessageAt, resolution));
            }
            var (d, p) = KolmogorovSmirnov.TwoSample(drawn, realGaps);
            var (du, pu) = KolmogorovSmirnov.TwoSample(open, realGaps);
            rows.Add(new AuthorTiming(
                authorId, own[^1].SenderFullName, (int)mentor.LogLatency.Count, realGaps.Count,
                Median(realGaps), Median(drawn), Ratio(Median(drawn), Median(realGaps)), d, p, p > 0.05,
                Median(open), du, pu, pu > 0.05,
                capture.LearnedTop24, capture.LearnedTop48, capture.RawTop24, capture.PopulationTop24, capture.PopulationTop48,
                realGaps, drawn, open));
            if (realGaps.Count > busiestGaps)
            {
                busiestGaps = realGaps.Count;
                busiest = mentor;
                busiestAuthor = (authorId, own[^1].SenderFullName);
            }
        }
        if (rows.Count == 0)
            throw new LabUsageException($"no author has {options.MinGaps} or more held-out reply gaps (lower --min-gaps or --min-messages).");

        var summary = new TimingSummary(
            rows.Count,
            rows.Count(r => r.Passes) / (double)rows.Count,
            rows.Count(r => r.UnclampedPasses) / (double)rows.Count,
            Median(rows.Select(r => r.MedianRatio).Where(double.IsFinite).ToList()),
            Median(rows.Select(r => Ratio(r.UnclampedMedianSeconds, r.RealMedianSeconds)).Where(double.IsFinite).ToList()),
            rows.Average(r => r.LearnedTop24), rows.Average(r => r.LearnedTop48), rows.Average(r => r.RawTop24),
            rows.Average(r => r.PopulationTop24), rows.Average(r => r.PopulationTop48))
        {
            ActiveHours = new ActiveHoursSummary(captures.Count,
                captures.Average(c => c.LearnedTop24), captures.Average(c => c.LearnedTop48), captures.Average(c => c.OwnOnlyTop24),
                captures.Average(c => c.RawTop24), captures.Average(c => c.PopulationTop24), captures.Average(c => c.PopulationTop48),
                organisation.Concentration),
        };
        var heatmap = busiest is null ? [] : StyleBlend.Read(busiestAuthor.Id, busiest, null, organisationActivity: organisation).Timing.ActivityByHourOfWeek.ToArray();
        return new TimingResult(export.Messages.Count, bySender.Count, resolution, options.TrainShare,
            options.MaxLearnedLatency.TotalHours, options.HalfLife.TotalDays, options.MaxDelay.TotalMinutes,
            rows, summary, busiestAuthor.Id, busiestAuthor.Name, heatmap);
    }

    private sealed record ActiveHoursCapture(double LearnedTop24, double LearnedTop48, double OwnOnlyTop24, double RawTop24, double PopulationTop24, double PopulationTop48);

    private sealed record Planned(PlanReplyInput Input, TimingSnapshot Timing, DateTimeOffset TrueStart);

    /// <summary>Replays the author's conversations: learning before the cut, held-out gaps (and what to plan for them) after it.</summary>
    private static (StyleProfile Mentor, List<double> Real, List<Planned> Planned) Replay(
        long authorId, List<ExportMessage> own, Dictionary<string, List<ExportMessage>> conversations,
        Dictionary<long, DateTimeOffset> times, DateTimeOffset cut, StyleOptions style, UrgencyScorer urgency, CancellationToken ct)
    {
        var mentorBytes = ProfileCodec.Serialize(new StyleProfile());
        var real = new List<double>();
        var planned = new List<Planned>();
        // Learning in time order across all of the author's conversations, as the record step sees their messages.
        var names = own.Select(m => m.Conversation).Distinct().ToList();
        var pairs = names.ToDictionary(n => n, _ => ProfileCodec.Serialize(new StyleProfile(), new PairLedger()));
        var afterOf = names.ToDictionary(n => n, _ => new List<ExportMessage>());
        var training = names.SelectMany(n => conversations[n].Select(m => (Name: n, Message: m)))
            .OrderBy(x => times[x.Message.Id]).ThenBy(x => x.Message.Id).ToList();
        foreach (var (name, m) in training)
        {
            ct.ThrowIfCancellationRequested();
            if (times[m.Id] >= cut) { afterOf[name].Add(m); continue; }
            var pairBytes = pairs[name];
            StoredRecordStep.Record(Message(m, authorId, times), ref pairBytes, ref mentorBytes, style);
            pairs[name] = pairBytes;
        }
        var heldOutPairs = names.Select(n => (Conversation: n, Pair: pairs[n], Ledger: ProfileCodec.Deserialize(pairs[n]).Ledger, After: afterOf[n])).ToList();

        var learnedMentor = ProfileCodec.Deserialize(mentorBytes).Profile;
        foreach (var (_, pairBytes, ledger, after) in heldOutPairs)
        {
            var pairProfile = ProfileCodec.Deserialize(pairBytes).Profile;
            var timing = StyleBlend.Read(authorId, learnedMentor, pairProfile.Messages > 0 ? pairProfile : null).Timing;
            var raw = after.ToDictionary(m => m.Id, m => m);
            foreach (var m in after)
            {
                var message = Message(m, authorId, times);
                if (message.Role != ParticipantRole.Mentor)
                {
                    ledger.OnStudentMessage(message);
                    continue;
                }
                var waitingId = ledger.LatestUnansweredId;
                if (ledger.OnMentorMessage(message, style.MaxLearnedLatency) is null || !raw.TryGetValue(waitingId, out var student)) continue;
                // The real gap as the export stamps it; the planner sees the student message as production would.
                real.Add((m.SentAt - student.SentAt).TotalSeconds);
                var at = times[student.Id];
                var input = new PlanReplyInput(new ConversationKey("lab@mentor-lab", authorId, student.SenderId),
                    student.Id, at, student.Id, at, 1, urgency.Score(student.Content), at);
                planned.Add(new Planned(input, timing, at));
            }
        }
        return (learnedMentor, real, planned);
    }

    private static ConversationMessage Message(ExportMessage m, long authorId, Dictionary<long, DateTimeOffset> times) =>
        new(m.Id, m.SenderId, m.SenderId == authorId ? ParticipantRole.Mentor : ParticipantRole.Student, times[m.Id], m.Content);

    /// <summary>60 when every timestamp is a whole minute (an archive that shows minutes only), else 1.</summary>
    public static int Resolution(IReadOnlyList<ExportMessage> messages) =>
        messages.Count > 0 && messages.All(m => m.SentAt.ToUnixTimeSeconds() % 60 == 0) ? 60 : 1;

    /// <summary>
    /// Each message's time for learning: as exported at 1 s resolution; else a deterministic point within its minute,
    /// never before the previous message of its conversation.
    /// </summary>
    public static Dictionary<long, DateTimeOffset> Dequantised(IReadOnlyList<ExportMessage> messages, int resolution)
    {
        var times = new Dictionary<long, DateTimeOffset>(messages.Count);
        var last = new Dictionary<string, DateTimeOffset>();
        foreach (var m in messages)
        {
            var t = m.SentAt;
            if (resolution > 1)
            {
                t = t.AddSeconds(Unit(m.Id) * resolution);
                if (last.TryGetValue(m.Conversation, out var previous) && t <= previous) t = previous.AddMilliseconds(500);
                last[m.Conversation] = t;
            }
            times[m.Id] = t;
        }
        return times;
    }

    /// <summary>A drawn delay as the export would have stamped it: the answer's true time rounded down to the resolution.</summary>
    private static double Stamp(DateTimeOffset trueStart, double delaySeconds, DateTimeOffset start, int resolution)
    {
        if (resolution <= 1) return Math.Floor(delaySeconds);
        var answer = trueStart.AddSeconds(delaySeconds).ToUnixTimeSeconds();
        var stampedAnswer = answer - answer % resolution;
        var stampedStart = start.ToUnixTimeSeconds();
        stampedStart -= stampedStart % resolution;
        return stampedAnswer - stampedStart;
    }

    /// <summary>A uniform in [0, 1) from a message id (SplitMix64), the same on every run.</summary>
    private static double Unit(long id)
    {
        var z = unchecked((ulong)id + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Share of the held-out messages written in the <paramref name="top"/> hours of week with the most weight.</summary>
    public static double Capture(IReadOnlyList<int> hours, IReadOnlyList<double> weights, int top)
    {
        if (hours.Count == 0 || weights.Count != ActivityPattern.Hours) return double.NaN;
        var chosen = Enumerable.Range(0, ActivityPattern.Hours).OrderByDescending(h => weights[h]).ThenBy(h => h).Take(top).ToHashSet();
        return hours.Count(chosen.Contains) / (double)hours.Count;
    }

    private static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : double.NaN;
}
