using BenchmarkDotNet.Attributes;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Llm.Tokens;
using MentorFunctions.Core.Replies;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Timing;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Benchmarks;

/// <summary>
/// One reply's prompt from a 100-message history (the Replies__HistoryMessages default) within the 2,000-token budget:
/// the model's real tokenizer (o200k_base) against the UTF-8 ÷ 3 estimate. CreateO200kTokenizer measures creating it
/// again once Microsoft.ML.Tokenizers has cached the vocabulary; the first creation in a process (loading the vocabulary,
/// a few hundred ms) happens once, in the warm-up, which is why the app keeps one counter per process anyway.
/// </summary>
[MemoryDiagnoser]
public class PromptBenchmarks
{
    private static readonly string[] Lines =
    [
        "Hi! I'm stuck on exercise 3, the join keeps returning duplicates. Any idea why?",
        "Duplicates after a join usually mean the key isn't unique on one side — check `SELECT customer_id, count(*) FROM customers GROUP BY 1 HAVING count(*) > 1`.",
        "Danke für die Erklärung, ich probiere es morgen nochmal.",
        "課題の締め切りはいつですか？",
        "thanks!! that worked 🎉",
        "Try a window function: `sum(total) OVER (PARTITION BY customer_id)` keeps every row, GROUP BY collapses them.",
    ];

    private PromptBuilder _exact = null!;
    private PromptBuilder _estimate = null!;
    private StyleSnapshot _style = null!;
    private MentorRecord _mentor = null!;
    private List<ConversationMessage> _history = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = Options.Create(new ReplyOptions());
        _exact = new PromptBuilder(options, TokenCounters.ForModel("gpt-5.4-mini"));
        _estimate = new PromptBuilder(options, TokenCounters.ForModel("llama3.1"));
        _mentor = new MentorRecord("bot@example.com", 10, "ana@example.com", "Ana Lima", DateTimeOffset.UnixEpoch, Persona: "I teach data engineering.");
        _style = new StyleSnapshot(10, MessagesSeen: 240, Confidence: 0.8, MeanChars: 180, StdDevChars: 60, MeanWords: 32, Formality: -0.3,
            EmojiPerMessage: 0.6, FavouriteEmoji: ["🙂"], QuestionRate: 0.4, ExclamationRate: 0.3, MarkdownRate: 0.2,
            Openers: [new PhraseUse("Hey!", 0.35)], SignOffs: [new PhraseUse("Cheers", 0.25)], Phrases: [],
            Exemplars: [.. Lines.Take(3)], Timing: new TimingSnapshot(6, 1, 50, [], 180), ProfileVersion: 1);
        _history = [.. Enumerable.Range(0, 100).Select(i => new ConversationMessage(1000 + i, i % 2 == 0 ? 20 : 10,
            i % 2 == 0 ? ParticipantRole.Student : ParticipantRole.Mentor, DateTimeOffset.UnixEpoch.AddMinutes(i), Lines[i % Lines.Length]))];
    }

    [Benchmark(Baseline = true)]
    public ReplyPrompt Estimate() => _estimate.Build(_style, _mentor, _history);

    [Benchmark]
    public ReplyPrompt O200kBase() => _exact.Build(_style, _mentor, _history);

    [Benchmark]
    public object CreateO200kTokenizer() => Microsoft.ML.Tokenizers.TiktokenTokenizer.CreateForEncoding(TokenCounters.O200kBase);
}
