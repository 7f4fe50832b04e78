using MentorLab.Statistics;
namespace MentorFunctions.Tests.EndToEnd;

public sealed class KolmogorovSmirnovTests
{
    [Fact]
    public void Samples_of_one_distribution_pass_and_of_shifted_distributions_fail()
    {
        var random = new Random(7);
        double LogNormal(double mu, double sigma)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            return Math.Exp(mu + sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        var a = Enumerable.Range(0, 400).Select(_ => LogNormal(6, 0.8)).ToArray();
        var b = Enumerable.Range(0, 300).Select(_ => LogNormal(6, 0.8)).ToArray();
        var shifted = Enumerable.Range(0, 300).Select(_ => LogNormal(6.5, 0.8)).ToArray();

        Assert.True(KolmogorovSmirnov.TwoSample(a, b).PValue > 0.05);
        var (d, p) = KolmogorovSmirnov.TwoSample(a, shifted);
        Assert.True(p < 0.001, $"D={d}, p={p}");
    }

    [Fact]
    public void Identical_samples_have_zero_distance()
    {
        double[] a = [1, 2, 3, 4, 5];
        var (d, p) = KolmogorovSmirnov.TwoSample(a, a);
        Assert.Equal(0, d);
        Assert.Equal(1, p);
    }
}
