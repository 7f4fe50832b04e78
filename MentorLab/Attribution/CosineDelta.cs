namespace MentorLab.Attribution;

/// <summary>
/// The classical baseline (Burrows' Delta with cosine distance, Smith &amp; Aldridge 2011): relative frequencies of the
/// corpus' most frequent words, z-scored with each word's mean and standard deviation across the candidate authors'
/// training texts; a text goes to the author whose z-vector is nearest by cosine distance.
/// </summary>
public sealed class CosineDelta
{
    private readonly Dictionary<string, int> _index;
    private readonly double[] _mean;
    private readonly double[] _sd;
    private readonly double[][] _authors;

    private CosineDelta(Dictionary<string, int> index, double[] mean, double[] sd, double[][] authors)
    {
        _index = index;
        _mean = mean;
        _sd = sd;
        _authors = authors;
    }

    public IReadOnlyCollection<string> Words => _index.Keys;

    /// <summary>Fits on each author's training texts (one list of texts per author, in the candidates' order).</summary>
    public static CosineDelta Fit(IReadOnlyList<IReadOnlyList<string>> trainingTexts, int mostFrequentWords)
    {
        var perAuthor = trainingTexts.Select(texts =>
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var t in texts) DeltaTokens.Count(t, counts);
            return counts;
        }).ToList();
        var corpus = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var counts in perAuthor)
            foreach (var (w, c) in counts)
                corpus[w] = corpus.GetValueOrDefault(w) + c;
        var words = corpus.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(mostFrequentWords).Select(p => p.Key).ToArray();
        var index = words.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
        var freqs = perAuthor.Select(c => Relative(c, index)).ToArray();
        var mean = new double[words.Length];
        var sd = new double[words.Length];
        for (var j = 0; j < words.Length; j++)
        {
            mean[j] = freqs.Average(f => f[j]);
            var variance = freqs.Sum(f => (f[j] - mean[j]) * (f[j] - mean[j])) / Math.Max(1, freqs.Length - 1);
            sd[j] = Math.Sqrt(variance);
        }
        var delta = new CosineDelta(index, mean, sd, []);
        return new CosineDelta(index, mean, sd, freqs.Select(delta.Z).ToArray());
    }

    /// <summary>Cosine distance from the text to each author, in the candidates' order.</summary>
    public double[] Distances(IEnumerable<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in texts) DeltaTokens.Count(t, counts);
        var z = Z(Relative(counts, _index));
        return _authors.Select(a => VectorMath.CosineDistance(z, a)).ToArray();
    }

    private double[] Z(double[] freq)
    {
        var z = new double[freq.Length];
        for (var j = 0; j < freq.Length; j++) z[j] = _sd[j] > 0 ? (freq[j] - _mean[j]) / _sd[j] : 0;
        return z;
    }

    private static double[] Relative(Dictionary<string, int> counts, Dictionary<string, int> index)
    {
        var total = counts.Values.Sum(c => (long)c);
        var f = new double[index.Count];
        if (total == 0) return f;
        foreach (var (w, c) in counts)
            if (index.TryGetValue(w, out var j)) f[j] = (double)c / total;
        return f;
    }
}

/// <summary>Words for the baseline: runs of letters, digits and inner apostrophes, lower-cased.</summary>
public static class DeltaTokens
{
    public static void Count(string text, Dictionary<string, int> counts)
    {
        var span = text.AsSpan();
        var i = 0;
        Span<char> buffer = stackalloc char[64];
        while (i < span.Length)
        {
            while (i < span.Length && !char.IsLetterOrDigit(span[i])) i++;
            var start = i;
            while (i < span.Length && (char.IsLetterOrDigit(span[i]) || ((span[i] == '\'' || span[i] == '\u2019') && i + 1 < span.Length && char.IsLetter(span[i + 1]) && i > start)))
                i++;
            var length = i - start;
            if (length == 0) continue;
            string word;
            if (length <= buffer.Length)
            {
                for (var k = 0; k < length; k++) buffer[k] = span[start + k] == '\u2019' ? '\'' : char.ToLowerInvariant(span[start + k]);
                word = new string(buffer[..length]);
            }
            else
            {
                word = span.Slice(start, length).ToString().ToLowerInvariant();
            }
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }
    }

    /// <summary>Whitespace-separated tokens, the unit of a window's size.</summary>
    public static int Whitespace(string text)
    {
        var n = 0;
        var inToken = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inToken) n++;
            inToken = !space;
        }
        return n;
    }
}

public static class VectorMath
{
    public static double CosineDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 1 : 1 - dot / Math.Sqrt(na * nb);
    }

    /// <summary>1-based rank of <paramref name="truth"/> by ascending distance (ties count against the truth).</summary>
    public static int Rank(ReadOnlySpan<double> distances, int truth)
    {
        var rank = 1;
        for (var i = 0; i < distances.Length; i++)
            if (i != truth && distances[i] <= distances[truth]) rank++;
        return rank;
    }
}
