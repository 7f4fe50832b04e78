using System.Diagnostics;
using MentorFunctions.Core.Llm;
using MentorFunctions.Core.Llm.Tokens;
using Xunit.Abstractions;

namespace MentorFunctions.Tests.Llm;

public sealed class TokenCountersTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("gpt-4o-mini")]
    [InlineData("gpt-4.1")]
    [InlineData("gpt-5")]
    [InlineData("gpt-5.4-mini")] // the template's default model: newer than the tokenizer library's own model list
    [InlineData("GPT-5.1-chat")]
    [InlineData("o3-mini")]
    [InlineData("o4-mini")]
    public void OpenAIs_current_families_count_with_o200k_base(string model) =>
        Assert.Equal(TokenCounters.O200kBase, TokenCounters.ForModel(model).Name);

    [Theory]
    [InlineData("llama3.1")]
    [InlineData("mistral-small")]
    [InlineData("gpt-4")] // cl100k_base: data not shipped, so the estimate
    [InlineData("mentor-gpt")] // a deployment name that says nothing: set Llm:Model or Llm:Tokenizer
    [InlineData("")]
    public void Other_models_keep_the_estimate(string model) =>
        Assert.Equal("estimate", TokenCounters.ForModel(model).Name);

    [Fact]
    public void The_setting_overrides_the_name_and_the_deployment_name_is_used_without_a_model()
    {
        Assert.Equal(TokenCounters.O200kBase, TokenCounters.For(new LlmOptions { Deployment = "mentor-gpt", Tokenizer = LlmTokenizer.O200kBase }).Name);
        Assert.Equal("estimate", TokenCounters.For(new LlmOptions { Deployment = "gpt-5.4-mini", Tokenizer = LlmTokenizer.Estimate }).Name);
        Assert.Equal(TokenCounters.O200kBase, TokenCounters.For(new LlmOptions { Deployment = "chat", Model = "gpt-5.4-mini" }).Name);
        Assert.Equal(TokenCounters.O200kBase, TokenCounters.For(new LlmOptions { Deployment = "gpt-4.1-mini" }).Name);
    }

    [Fact]
    public void O200k_counts_are_exact_and_the_tokenizer_is_created_once()
    {
        var started = Stopwatch.GetTimestamp();
        var counter = TokenCounters.ForModel("gpt-5.4-mini");
        output.WriteLine($"First use of o200k_base in this process: {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms (creation, or already cached)");
        Assert.Same(counter, TokenCounters.ForModel("gpt-4o"));

        // "Hello", ",", " world", "!" — the o200k_base split, as OpenAI's tiktoken gives it.
        Assert.Equal(4, counter.CountText("Hello, world!"));
        Assert.Equal(0, counter.CountText(""));
        // English runs about 4 characters a token: far below the estimate's 3 bytes a token.
        const string english = "Duplicates after a join usually mean the key is not unique on one side of it.";
        output.WriteLine($"English line: {counter.CountText(english)} tokens, estimate {EstimatedTokenCounter.Instance.CountText(english)}");
        Assert.True(counter.CountText(english) < EstimatedTokenCounter.Instance.CountText(english));
    }

    [Theory]
    [InlineData("Start with the base case, then the recursive step. Then test it with n = 0, 1 and 5.", 7)]
    [InlineData("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂", 5)]
    [InlineData("課題の締め切りはいつですか？来週の月曜日に提出してもいいですか？", 6)]
    public void Truncation_keeps_the_longest_prefix_that_fits_and_never_half_a_character(string text, int maxTokens)
    {
        var counter = TokenCounters.ForModel("gpt-5.4-mini");
        var cut = counter.Truncate(text, maxTokens);
        Assert.StartsWith(cut, text, StringComparison.Ordinal);
        Assert.InRange(counter.CountText(cut), 1, maxTokens);
        Assert.True(cut.Length < text.Length);
        Assert.False(cut.Length > 0 && char.IsHighSurrogate(cut[^1]), "a lone high surrogate was kept");
        Assert.Equal(text, counter.Truncate(text, 10_000));
        Assert.Equal("", counter.Truncate(text, 0));
    }

    [Fact]
    public void Long_text_counts_exactly_when_it_has_spaces_and_a_run_without_any_counts_safely()
    {
        var counter = TokenCounters.ForModel("gpt-5.4-mini");
        var tokenizer = Microsoft.ML.Tokenizers.TiktokenTokenizer.CreateForEncoding(TokenCounters.O200kBase);
        var words = string.Join(' ', Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? "recursion\n" : "word" + (i % 13)));
        Assert.True(words.Length > 5 * TiktokenTokenCounter.ChunkChars);
        Assert.Equal(tokenizer.CountTokens(words), counter.CountText(words));

        // 10,000 characters without a space (Zulip's longest message): never fewer tokens than the whole-text count.
        var run = new string('字', 10_000);
        var started = Stopwatch.GetTimestamp();
        var chunked = counter.CountText(run);
        output.WriteLine($"10,000 CJK characters without a space: {chunked} tokens in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
        var whole = tokenizer.CountTokens(run);
        Assert.InRange(chunked, whole, whole + 10_000 / TiktokenTokenCounter.ChunkChars + 1);
    }
}
