using System.Text;
using BenchmarkDotNet.Attributes;
using MentorFunctions.Core.Style;

namespace MentorFunctions.Benchmarks;

/// <summary>
/// The profile update of the record step without storage: features of one ~200-character message, then the in-memory
/// update of the mentor profile (and, in the second benchmark, the pair profile too, as the store does).
/// One operation = <see cref="Batch"/> messages, so ops/s × Batch = messages/s.
/// </summary>
[MemoryDiagnoser]
public class StyleBenchmarks
{
    public const int Batch = 1000;
    private string[] _messages = [];

    /// <summary>The synthetic ~200-character messages (for the codec benchmarks).</summary>
    public string[] Messages => _messages;
    private StyleProfile _mentor = new();
    private StyleProfile _pair = new();
    private int _next;
    private DateTimeOffset _at = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        string[] common = ["great question", "let me know", "does that make sense", "you can", "try this", "in your code", "hope this helps", "nice work"];
        string[] emoji = ["👍", "😀", ":tada:", "🙂"];
        var vocabulary = Enumerable.Range(0, 5000).Select(i => "w" + i.ToString("x") + (i % 7 == 0 ? "ing" : "")).ToArray();
        _messages = new string[20_000];
        var b = new StringBuilder();
        for (var m = 0; m < _messages.Length; m++)
        {
            b.Clear();
            if (m % 4 == 0) b.Append("Hi there, ");
            while (b.Length < 192)
            {
                var roll = random.Next(100);
                if (roll < 12) b.Append(common[random.Next(common.Length)]);
                else if (roll < 14) b.Append(emoji[random.Next(emoji.Length)]);
                else b.Append(vocabulary[(int)Math.Min(vocabulary.Length - 1, Math.Pow(vocabulary.Length, random.NextDouble()) - 1)]);
                b.Append(random.Next(10) switch { 0 => ". ", 1 => "? ", 2 => ", ", _ => " " });
            }
            _messages[m] = b.ToString(); // 192–215 characters, about 200 on average
        }
        // Warm the profiles as a long-lived mentor's would be.
        for (var i = 0; i < 200_000; i++) StyleLearner.Learn(_messages[i % _messages.Length], _at, _mentor, _pair);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public long FeaturesOnly()
    {
        long words = 0;
        for (var i = 0; i < Batch; i++) words += MessageFeatureExtractor.Extract(NextMessage()).Words;
        return words;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public long UpdateMentorProfile()
    {
        for (var i = 0; i < Batch; i++) StyleLearner.Learn(NextMessage(), _at, _mentor);
        return _mentor.Messages;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public long UpdateMentorAndPairProfiles()
    {
        for (var i = 0; i < Batch; i++) StyleLearner.Learn(NextMessage(), _at, _mentor, _pair);
        return _mentor.Messages;
    }

    private string NextMessage()
    {
        var m = _messages[_next];
        _next = _next + 1 == _messages.Length ? 0 : _next + 1;
        return m;
    }
}
