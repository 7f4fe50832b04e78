using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Style;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Timing;

/// <summary>
/// Chooses when the stand-in answers a burst of student messages: a delay after the burst's latest message drawn from
/// the mentor's learned latency distribution (the same definition the learning uses: latest student message to the
/// mentor's answer, typing included), never shorter than typing a reply of the usual length takes, shortened smoothly
/// for urgent messages, moved out of quiet hours (towards an hour the mentor is usually active) and clamped to
/// [MinDelay, MaxDelay]; the burst's first message never waits longer than MaxDelay. Pure and deterministic: the same
/// input gives the same plan, because the draw is seeded from the burst's message ids.
/// </summary>
public sealed class DelayPlanner(IOptions<TimingOptions> options)
{
    private readonly TimingOptions _options = options.Value;
    private readonly QuietWindow? _quietHours = options.Value.QuietHours.Window;

    /// <summary>
    /// The plan for a burst. <paramref name="mentorQuietHours"/>, when the mentor set their own, replaces the deployment's.
    /// </summary>
    public ReplyPlan Plan(TimingSnapshot timing, PlanReplyInput input, QuietWindow? mentorQuietHours = null)
    {
        ArgumentNullException.ThrowIfNull(timing);
        ArgumentNullException.ThrowIfNull(input);

        var rng = DeterministicRandom.ForMessage(input.FirstMessageId, input.LatestMessageId);
        // The learned latencies already hold the mentor's typing; typing only sets a floor (nobody answers faster).
        var seconds = Math.Max(SampleLatencySeconds(timing, ref rng), TypingSeconds(timing));
        seconds *= 1 - _options.UrgencyStrength * Math.Clamp(input.Urgency, 0, 1);

        var min = _options.MinDelay.TotalSeconds;
        var max = Math.Max(min, _options.MaxDelay.TotalSeconds);
        seconds = Math.Clamp(seconds, min, max);

        var latest = input.LatestMessageAt;
        var notAfter = input.FirstMessageAt.AddSeconds(max);
        var due = latest.AddSeconds(seconds);
        // A student still typing gets a moment after their latest message; but the first message's limit holds.
        var settled = latest + _options.BurstSettle;
        if (due < settled) due = settled;
        if (due > notAfter) due = notAfter > latest ? notAfter : latest;
        if (due < input.Now)
            due = input.Now;
        // A burst that outlasted the limit is answered now; the limit cannot lie before the plan it bounds.
        if (notAfter < due) notAfter = due;

        var quiet = mentorQuietHours ?? _quietHours;
        if (quiet is not null && quiet.Contains(due))
        {
            // Quiet hours win over MaxDelay: the reply waits for morning, and the burst's limit moves with it.
            var end = quiet.EndOf(due);
            var moved = PreferActiveHour(end, timing.ActivityByHourOfWeek, _options.QuietHours.ActiveHourSearchHours);
            due = moved.AddSeconds(rng.NextDouble() * Math.Min(seconds, 600));
            notAfter = due > notAfter ? due.AddSeconds(max - seconds) : notAfter;
        }

        return new ReplyPlan(due, notAfter, Math.Max(0, (due - latest).TotalSeconds));
    }

    /// <summary>A draw of the mentor's reply latency in seconds, as <see cref="Plan"/> makes it (before typing, urgency and bounds).</summary>
    private double SampleLatencySeconds(TimingSnapshot timing, ref DeterministicRandom rng)
    {
        if (timing.LatencyShares is { Count: LatencyHistogram.Bins } shares)
        {
            var u = rng.NextDouble();
            var v = rng.NextDouble();
            return LatencyHistogram.Sample(shares, u, v, rng.NextDouble());
        }
        var mu = timing.LogMeanSeconds;
        var sigma = timing.LogStdDevSeconds;
        if (!double.IsFinite(mu) || !double.IsFinite(sigma) || sigma < 0)
        {
            mu = Math.Log(Math.Max(1, _options.FallbackMedianDelay.TotalSeconds));
            sigma = 1.0;
        }
        // Keep draws within ±3σ: the tails of a fitted log-normal are noise, and MaxDelay clamps anyway.
        var z = Math.Clamp(rng.NextGaussian(), -3, 3);
        return Math.Exp(Math.Clamp(mu + sigma * z, -10, 20));
    }

    private double TypingSeconds(TimingSnapshot timing)
    {
        var chars = double.IsFinite(timing.TypicalReplyChars) ? Math.Clamp(timing.TypicalReplyChars, 0, 4000) : 0;
        return chars / _options.TypingCharsPerSecond;
    }

    /// <summary>
    /// From <paramref name="start"/>, the first hour within the search window whose activity weight is at least the
    /// average (1/168); the start itself when nothing is known or no hour qualifies.
    /// </summary>
    internal static DateTimeOffset PreferActiveHour(DateTimeOffset start, IReadOnlyList<double> activityByHourOfWeek, int searchHours)
    {
        if (activityByHourOfWeek is not { Count: 168 })
            return start;
        const double average = 1.0 / 168;
        for (var h = 0; h <= searchHours; h++)
        {
            var candidate = h == 0 ? start : TopOfHour(start).AddHours(h);
            if (activityByHourOfWeek[HourOfWeek(candidate)] >= average)
                return candidate;
        }
        return start;
    }

    /// <summary>Hour 0 is Monday 00:00 UTC, as in <see cref="TimingSnapshot.ActivityByHourOfWeek"/>.</summary>
    public static int HourOfWeek(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var day = ((int)utc.DayOfWeek + 6) % 7;
        return day * 24 + utc.Hour;
    }

    private static DateTimeOffset TopOfHour(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
