namespace MentorFunctions.Core.Timing;

/// <summary>
/// SplitMix64: a tiny, fast PRNG whose sequence depends only on the seed, so the delay drawn for a message is the same
/// on every replay and every machine (Random's algorithm is not guaranteed across runtimes).
/// </summary>
internal struct DeterministicRandom(ulong seed)
{
    private ulong _state = seed;

    public static DeterministicRandom ForMessage(long firstMessageId, long latestMessageId) =>
        new(unchecked((ulong)firstMessageId * 0x9E3779B97F4A7C15UL ^ (ulong)latestMessageId));

    public ulong NextUInt64()
    {
        var z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in (0, 1): never 0, so its logarithm is finite.</summary>
    public double NextDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Standard normal draw (Box–Muller).</summary>
    public double NextGaussian()
    {
        var u1 = NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
