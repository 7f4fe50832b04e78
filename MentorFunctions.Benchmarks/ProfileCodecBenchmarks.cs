using BenchmarkDotNet.Attributes;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;

namespace MentorFunctions.Benchmarks;

/// <summary>
/// The record step's profile work as production does it per mentor message: decode the stored mentor and pair
/// profiles, learn the message into both, encode both. Also the codec alone, and learning alone, on a long-lived
/// profile (200,000 messages seen). One operation = <see cref="Batch"/> messages.
/// </summary>
[MemoryDiagnoser]
public class ProfileCodecBenchmarks
{
    public const int Batch = 200;
    private readonly StyleBenchmarks _corpus = new();
    private string[] _messages = [];
    private byte[] _mentorBytes = [];
    private byte[] _pairBytes = [];
    private StyleProfile _mentor = new();
    private StyleProfile _pair = new();
    private PairLedger _ledger = new();
    private int _next;
    private readonly DateTimeOffset _at = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public void Setup()
    {
        _corpus.Setup();
        _messages = _corpus.Messages;
        _mentor = new StyleProfile();
        _pair = new StyleProfile();
        for (var i = 0; i < 200_000; i++)
        {
            StyleLearner.Learn(_messages[i % _messages.Length], _at.AddMinutes(i), _mentor, i % 4 == 0 ? _pair : null);
            // A reply latency every fifth message fills the plain and the recency-weighted latency histograms.
            if (i % 5 == 0) _mentor.AddLatency(TimeSpan.FromSeconds(30 + i % 7200), _at.AddMinutes(i), TimeSpan.FromDays(60));
        }
        for (long id = 1; id <= 512; id++) _ledger.TryMarkCounted(id * 7919);
        _mentorBytes = ProfileCodec.Serialize(_mentor);
        _pairBytes = ProfileCodec.Serialize(_pair, _ledger);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int DecodeLearnEncodeMentorAndPair()
    {
        var total = 0;
        for (var i = 0; i < Batch; i++)
        {
            var (mentor, _, _) = ProfileCodec.Deserialize(_mentorBytes);
            var (pair, ledger, _) = ProfileCodec.Deserialize(_pairBytes);
            StyleLearner.Learn(NextMessage(), _at, mentor, pair);
            total += ProfileCodec.Serialize(mentor).Length + ProfileCodec.Serialize(pair, ledger).Length;
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int DecodeEncodeOnly()
    {
        var total = 0;
        for (var i = 0; i < Batch; i++)
        {
            var (mentor, _, _) = ProfileCodec.Deserialize(_mentorBytes);
            total += ProfileCodec.Serialize(mentor).Length;
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public long LearnMentorAndPairOnly()
    {
        for (var i = 0; i < Batch; i++) StyleLearner.Learn(NextMessage(), _at, _mentor, _pair);
        return _mentor.Messages;
    }

    [Benchmark]
    public int StoredMentorBytes() => ProfileCodec.Serialize(_mentor).Length;

    private string NextMessage()
    {
        var m = _messages[_next];
        _next = _next + 1 == _messages.Length ? 0 : _next + 1;
        return m;
    }
}
