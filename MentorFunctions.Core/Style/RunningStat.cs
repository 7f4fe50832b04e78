namespace MentorFunctions.Core.Style;

/// <summary>
/// Exact running count, mean and variance (Welford's update), so a profile never keeps its samples and never drifts the
/// way a pairwise "(a+b)/2" average does. Variance is the population variance of everything added.
/// </summary>
public struct RunningStat
{
    public long Count;
    public double Mean;
    /// <summary>Sum of squared differences from the mean.</summary>
    public double M2;

    public RunningStat(long count, double mean, double m2)
    {
        Count = count;
        Mean = mean;
        M2 = m2;
    }

    public void Add(double x)
    {
        Count++;
        var delta = x - Mean;
        Mean += delta / Count;
        M2 += delta * (x - Mean);
    }

    public readonly double Variance => Count > 0 ? Math.Max(0, M2 / Count) : 0;
    public readonly double StdDev => Math.Sqrt(Variance);

    /// <summary>Two disjoint sets' statistics combined (Chan et al.), exact like adding every sample.</summary>
    public static RunningStat Combine(in RunningStat a, in RunningStat b)
    {
        if (a.Count == 0) return b;
        if (b.Count == 0) return a;
        var n = a.Count + b.Count;
        var delta = b.Mean - a.Mean;
        return new RunningStat(n, a.Mean + delta * b.Count / n, a.M2 + b.M2 + delta * delta * a.Count * b.Count / n);
    }
}
