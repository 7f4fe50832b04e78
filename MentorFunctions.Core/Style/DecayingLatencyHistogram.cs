namespace MentorFunctions.Core.Style;

/// <summary>
/// Reply latencies on the <see cref="LatencyHistogram"/> bins, each weighted by 2^(−age / half-life) so recent behaviour
/// counts more: a mentor who has become slower (or quicker) is imitated as they are now. Exact under any arrival order:
/// the weights equal a batch recomputation at the newest sample's time (<see cref="At"/>).
/// </summary>
public sealed class DecayingLatencyHistogram
{
    public double[] Weights { get; } = new double[LatencyHistogram.Bins];

    /// <summary>The instant the weights are decayed to (the newest sample's time); null while empty.</summary>
    public DateTimeOffset? At { get; set; }

    /// <summary>The effective number of samples: the sum of the weights.</summary>
    public double Total
    {
        get
        {
            double sum = 0;
            foreach (var w in Weights) sum += w;
            return sum;
        }
    }

    public void Add(double seconds, DateTimeOffset at, TimeSpan halfLife)
    {
        var bin = LatencyHistogram.Bin(seconds);
        if (At is not { } reference)
        {
            At = at;
            Weights[bin] += 1;
            return;
        }
        if (at > reference)
        {
            var keep = Decay(at - reference, halfLife);
            for (var i = 0; i < Weights.Length; i++) Weights[i] *= keep;
            At = at;
            Weights[bin] += 1;
        }
        else
        {
            // An older sample arriving late enters already decayed to the reference time.
            Weights[bin] += Decay(reference - at, halfLife);
        }
    }

    /// <summary>
    /// Adds another histogram (latencies of a disjoint set of replies): both are decayed to the later of their reference
    /// times, then added bin by bin, so the result equals adding every sample of both to one histogram. Weights without a
    /// reference time (<see cref="LoadUndecayed"/>) are taken as recent, as they are when learning continues.
    /// </summary>
    public void Merge(DecayingLatencyHistogram other, TimeSpan halfLife)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("A histogram cannot be merged with itself.", nameof(other));
        var reference = (At, other.At) switch
        {
            ({ } a, { } b) => a > b ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => (DateTimeOffset?)null,
        };
        var keep = At is { } mine && reference is { } r ? Decay(r - mine, halfLife) : 1;
        var keepOther = other.At is { } theirs && reference is { } r2 ? Decay(r2 - theirs, halfLife) : 1;
        for (var i = 0; i < Weights.Length; i++) Weights[i] = Weights[i] * keep + other.Weights[i] * keepOther;
        At = reference;
    }

    /// <summary>Counts stored before decay existed: taken as they are (as if all were recent), to decay from now on.</summary>
    public void LoadUndecayed(ReadOnlySpan<long> counts)
    {
        for (var i = 0; i < Weights.Length && i < counts.Length; i++) Weights[i] = counts[i];
        At = null;
    }

    public static double Decay(TimeSpan age, TimeSpan halfLife) =>
        halfLife <= TimeSpan.Zero ? 1 : Math.Pow(0.5, Math.Max(0, age.TotalSeconds) / halfLife.TotalSeconds);
}
