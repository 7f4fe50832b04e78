namespace MentorLab.Statistics;

/// <summary>The two-sample Kolmogorov–Smirnov test: are two samples drawn from the same distribution?</summary>
public static class KolmogorovSmirnov
{
    /// <summary>The statistic D (largest distance between the two empirical CDFs) and its asymptotic p-value.</summary>
    public static (double D, double PValue) TwoSample(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count == 0 || b.Count == 0) throw new ArgumentException("Both samples need values.");
        var x = a.Order().ToArray();
        var y = b.Order().ToArray();
        int i = 0, j = 0;
        double d = 0;
        while (i < x.Length && j < y.Length)
        {
            var v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] <= v) i++;
            while (j < y.Length && y[j] <= v) j++;
            d = Math.Max(d, Math.Abs((double)i / x.Length - (double)j / y.Length));
        }
        double n = x.Length, m = y.Length;
        var en = Math.Sqrt(n * m / (n + m));
        // Stephens' small-sample correction of the Kolmogorov distribution's argument.
        var lambda = (en + 0.12 + 0.11 / en) * d;
        return (d, KolmogorovTail(lambda));
    }

    /// <summary>Q(λ) = 2 Σ (-1)^(k-1) exp(-2 k² λ²), the probability that the Kolmogorov statistic exceeds λ.</summary>
    private static double KolmogorovTail(double lambda)
    {
        if (lambda < 1e-3) return 1.0;
        double sum = 0, sign = 1;
        for (var k = 1; k <= 100; k++)
        {
            var term = sign * Math.Exp(-2.0 * k * k * lambda * lambda);
            sum += term;
            if (Math.Abs(term) < 1e-12) break;
            sign = -sign;
        }
        return Math.Clamp(2 * sum, 0, 1);
    }
}
