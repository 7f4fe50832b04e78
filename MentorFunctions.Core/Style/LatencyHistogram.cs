namespace MentorFunctions.Core.Style;

/// <summary>
/// A fixed log-scale histogram of reply latencies from 1 s to 7 days: a quantile sketch with bounded relative error
/// (each bin spans a factor of about 1.33) and a fixed stored size, whatever the number of samples.
/// </summary>
public static class LatencyHistogram
{
    public const int Bins = 48;
    private const double MaxSeconds = 7 * 24 * 3600;
    private static readonly double Step = Math.Log(MaxSeconds) / (Bins - 1);

    public static int Bin(double seconds)
    {
        if (!(seconds > 1)) return 0;
        var bin = (int)(Math.Log(seconds) / Step);
        return Math.Min(bin, Bins - 1);
    }

    /// <summary>Lower edge of a bin in seconds.</summary>
    public static double Edge(int bin) => bin <= 0 ? 0 : Math.Exp(bin * Step);

    /// <summary>The q-quantile (0..1) in seconds, interpolated geometrically inside its bin; NaN when empty.</summary>
    public static double Quantile(ReadOnlySpan<long> bins, double q)
    {
        long total = 0;
        foreach (var b in bins) total += b;
        if (total == 0) return double.NaN;
        var target = Math.Clamp(q, 0, 1) * total;
        double cumulative = 0;
        for (var i = 0; i < bins.Length; i++)
        {
            if (bins[i] == 0) continue;
            if (cumulative + bins[i] >= target)
            {
                var within = (target - cumulative) / bins[i];
                var low = Math.Max(1, Edge(i));
                var high = Math.Exp((i + 1) * Step);
                return low * Math.Pow(high / low, within);
            }
            cumulative += bins[i];
        }
        return Math.Exp(bins.Length * Step);
    }
}
