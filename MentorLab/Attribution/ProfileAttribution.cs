using MentorFunctions.Core.Style;

namespace MentorLab.Attribution;

/// <summary>
/// Attribution from stored profiles alone. Each profile becomes its <see cref="StyleVector"/> (function words,
/// typography, length distributions, traits) plus the relative frequencies of a shared vocabulary: the words most
/// frequent across the candidates' stored top-word sketches (the profiles' own version of Delta's most frequent words).
/// Each component is z-scored with its mean and standard deviation across the candidates, and a window's profile goes
/// to the nearest author by cosine distance.
/// </summary>
public sealed class ProfileAttribution
{
    private readonly ulong[] _vocabulary;
    private readonly double[] _mean;
    private readonly double[] _sd;
    private readonly double[][] _authors;

    public ProfileAttribution(IReadOnlyList<StyleProfile> authors, int vocabularySize = 300)
    {
        // The vocabulary: summed relative frequency across the candidates' sketches, function words excluded (counted exactly already).
        var weight = new Dictionary<ulong, double>();
        foreach (var p in authors)
        {
            var words = Math.Max(1, p.TotalWords);
            foreach (var e in p.TopWords.Entries())
                if (FunctionWords.IndexOf(e.Key) < 0)
                    weight[e.Key] = weight.GetValueOrDefault(e.Key) + (double)e.GuaranteedCount / words;
        }
        _vocabulary = weight.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(vocabularySize).Select(p => p.Key).ToArray();

        var vectors = authors.Select(Vector).ToArray();
        var n = vectors[0].Length;
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
        var z = Z(Vector(window));
        return _authors.Select(a => VectorMath.CosineDistance(z, a)).ToArray();
    }

    private double[] Vector(StyleProfile profile)
    {
        var style = StyleVector.From(profile);
        var v = new double[style.Length + _vocabulary.Length];
        style.CopyTo(v, 0);
        var counts = new Dictionary<ulong, long>();
        foreach (var e in profile.TopWords.Entries()) counts[e.Key] = e.GuaranteedCount;
        var words = Math.Max(1, profile.TotalWords);
        for (var i = 0; i < _vocabulary.Length; i++)
            v[style.Length + i] = (double)counts.GetValueOrDefault(_vocabulary[i]) / words;
        return v;
    }

    private double[] Z(double[] v)
    {
        var z = new double[v.Length];
        for (var j = 0; j < v.Length; j++) z[j] = _sd[j] > 1e-12 ? (v[j] - _mean[j]) / _sd[j] : 0;
        return z;
    }
}
