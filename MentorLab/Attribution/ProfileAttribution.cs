using MentorFunctions.Core.Style;

namespace MentorLab.Attribution;

/// <summary>
/// Attribution from stored profiles alone: each profile becomes its <see cref="StyleVector"/>, each component is
/// z-scored with its mean and standard deviation across the candidate authors' profiles (as Delta does for word
/// frequencies), and a window's profile goes to the nearest author by cosine distance.
/// </summary>
public sealed class ProfileAttribution
{
    private readonly double[] _mean;
    private readonly double[] _sd;
    private readonly double[][] _authors;

    public ProfileAttribution(IReadOnlyList<StyleProfile> authors)
    {
        var vectors = authors.Select(StyleVector.From).ToArray();
        var n = StyleVector.Length;
        _mean = new double[n];
        _sd = new double[n];
        for (var j = 0; j < n; j++)
        {
            _mean[j] = vectors.Average(v => v[j]);
            _sd[j] = Math.Sqrt(vectors.Sum(v => (v[j] - _mean[j]) * (v[j] - _mean[j])) / Math.Max(1, vectors.Length - 1));
        }
        _authors = vectors.Select(Z).ToArray();
    }

    public double[] Distances(StyleProfile window)
    {
        var z = Z(StyleVector.From(window));
        return _authors.Select(a => VectorMath.CosineDistance(z, a)).ToArray();
    }

    private double[] Z(double[] v)
    {
        var z = new double[v.Length];
        for (var j = 0; j < v.Length; j++) z[j] = _sd[j] > 1e-12 ? (v[j] - _mean[j]) / _sd[j] : 0;
        return z;
    }
}
