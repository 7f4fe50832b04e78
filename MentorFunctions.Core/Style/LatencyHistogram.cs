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

    /// <summary>Upper edge of a bin in seconds.</summary>
    public static double UpperEdge(int bin) => Math.Exp((bin + 1) * Step);

    /// <summary>
    /// A draw from bin shares (summing to 1): a bin by its share (<paramref name="u"/>), then a point inside it spread by
    /// one bin width (<paramref name="v"/>, <paramref name="w"/>), in log seconds. The spread turns the histogram's steps
    /// into the frequency polygon through the bin centres, a closer estimate of a smooth distribution than the steps.
    /// u, v and w are independent uniforms in [0, 1).
    /// </summary>
    public static double Sample(IReadOnlyList<double> shares, double u, double v, double w)
    {
        ArgumentNullException.ThrowIfNull(shares);
        var bin = shares.Count - 1;
        double cumulative = 0;
        for (var i = 0; i < shares.Count; i++)
        {
            cumulative += shares[i];
            if (u < cumulative) { bin = i; break; }
        }
        while (bin > 0 && shares[bin] <= 0) bin--; // rounding left u past the last non-empty bin
        if (bin == 0) return 1 + (UpperEdge(0) - 1) * Math.Clamp(v, 0, 1); // below 1.33 s: no log scale worth keeping
        var position = bin + Math.Clamp(v, 0, 1) + Math.Clamp(w, 0, 1) - 0.5;
        return Math.Exp(Math.Clamp(position, 0, Bins) * Step);
    }

    /// <summary>The shares of a log-normal (mean <paramref name="mu"/>, spread <paramref name="sigma"/> of ln seconds) over the bins.</summary>
    public static double[] LogNormalShares(double mu, double sigma)
    {
        var shares = new double[Bins];
        if (!double.IsFinite(mu) || !(sigma > 0) || !double.IsFinite(sigma)) return [];
        double previous = 0;
        for (var i = 0; i < Bins; i++)
        {
            var cdf = i == Bins - 1 ? 1 : NormalCdf((Math.Log(UpperEdge(i)) - mu) / sigma);
            shares[i] = Math.Max(0, cdf - previous);
            previous = cdf;
        }
        return shares;
    }

    /// <summary>Φ(x), from the complementary error function (Numerical Recipes' erfcc, relative error below 1.2e-7).</summary>
    internal static double NormalCdf(double x)
    {
        var z = Math.Abs(x) / Math.Sqrt(2);
        var t = 1 / (1 + 0.5 * z);
        var erfc = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
    }
}
