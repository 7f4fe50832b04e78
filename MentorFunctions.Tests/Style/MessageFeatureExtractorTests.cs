using MentorFunctions.Core.Style;

namespace MentorFunctions.Tests.Style;

public sealed class MessageFeatureExtractorTests
{
    private sealed class Collect : IMessageTokenSink
    {
        public List<string> Phrases { get; } = [];
        public List<string> Openers { get; } = [];
        public List<string> Closers { get; } = [];
        public List<string> Emojis { get; } = [];
        public List<(string Text, ulong Hash)> Hashed { get; } = [];

        public void Phrase(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) => Add(Phrases, hash, source, words);
        public void Opener(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) => Add(Openers, hash, source, words);
        public void Closer(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) => Add(Closers, hash, source, words);
        public void Emoji(ulong hash, ReadOnlySpan<char> emoji) => Emojis.Add(emoji.ToString());
        public void Word(ulong hash, ReadOnlySpan<char> word) { }

        private void Add(List<string> into, ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words)
        {
            Span<char> buffer = stackalloc char[128];
            var text = buffer[..TextHash.WriteNormalized(source, words, buffer)].ToString();
            into.Add(text);
            Hashed.Add((text, hash));
        }
    }

    private static (MessageFeatures Features, Collect Tokens) Run(string text)
    {
        var sink = new Collect();
        var f = MessageFeatureExtractor.Extract(text, ref sink);
        return (f, sink);
    }

    [Fact]
    public void Counts_characters_words_sentences_questions_and_exclamations()
    {
        var (f, _) = Run("  Hello there. Did you try it?? It works!!! Great  ");
        Assert.Equal("Hello there. Did you try it?? It works!!! Great".Length, f.Chars);
        Assert.Equal(9, f.Words);
        Assert.Equal(4, f.Sentences);
        Assert.Equal(1, f.Questions);
        Assert.Equal(1, f.Exclamations);
    }

    [Fact]
    public void A_decimal_point_or_abbreviation_dot_does_not_end_a_sentence()
    {
        var (f, _) = Run("Use version 3.5 of the tool");
        Assert.Equal(1, f.Sentences);
        Assert.Equal(6, f.Words);
    }

    [Fact]
    public void Counts_unicode_emoji_sequences_once_and_zulip_codes()
    {
        // thumbs up + skin tone, family ZWJ sequence, flag, keycap, heart with VS16, and two Zulip codes.
        var text = "nice 👍🏽 👨‍👩‍👧 🇩🇪 1️⃣ ❤️ :tada: :thumbs_up: at 10:30:00";
        var (f, t) = Run(text);
        Assert.Equal(7, f.Emoji);
        Assert.Equal(2, f.EmojiCodes);
        Assert.Equal(["👍🏽", "👨‍👩‍👧", "🇩🇪", "1️⃣", "❤️", ":tada:", ":thumbs_up:"], t.Emojis);
        Assert.Equal(text.Length - 7 /* low surrogates */ , f.Chars);
    }

    [Fact]
    public void A_time_or_url_is_not_an_emoji_code()
    {
        var (f, _) = Run("meet at 10:30:45, see https://example.com/a:b:c and note:this:");
        Assert.Equal(0, f.Emoji);
        Assert.Equal(1, f.Links);
    }

    [Fact]
    public void Detects_markdown_code_lists_links_and_quotes_without_counting_their_words()
    {
        var text = """
            > you asked about loops here
            > and more
            Try `for x in y` first:
            ```python
            print("hello world from code")
            ```
            - one item
            - another item
            1. numbered
            See [the docs](https://docs.python.org) or http://example.com.
            """;
        var (f, _) = Run(text);
        Assert.Equal(1, f.Quotes);
        Assert.Equal(1, f.CodeSpans);
        Assert.Equal(1, f.CodeBlocks);
        Assert.Equal(3, f.ListItems);
        Assert.Equal(2, f.Links);
        Assert.True(f.UsesMarkdown);
        // Try, first, one, item, another, item, numbered, See, the, docs, or = 11; quoted and code words are not the author's.
        Assert.Equal(11, f.Words);
    }

    [Fact]
    public void A_quote_fence_counts_as_a_quote_not_code()
    {
        var (f, _) = Run("```quote\nwhat the student said\n```\nRight, so do this.");
        Assert.Equal(1, f.Quotes);
        Assert.Equal(0, f.CodeBlocks);
        Assert.Equal(4, f.Words);
    }

    [Fact]
    public void Finds_contractions_with_either_apostrophe_and_not_possessives_at_word_end()
    {
        var (f, _) = Run("I'm sure it’s fine, don't worry about the students' work");
        Assert.Equal(3, f.Contractions);
    }

    [Fact]
    public void Scores_casual_messages_below_zero_and_formal_ones_above()
    {
        var casual = Run("hey yeah that's cool lol 😀 gonna work!!").Features;
        var formal = Run("Dear Sam, could you please send the report? Thank you. Kind regards").Features;
        var neutral = Run("The function returns a list of numbers.").Features;
        Assert.True(casual.Formality < -0.6, $"casual {casual.Formality}");
        Assert.True(formal.Formality > 0.6, $"formal {formal.Formality}");
        Assert.Equal(0, neutral.Formality);
        Assert.True(casual.StartsLowerCase);
        Assert.False(formal.StartsLowerCase);
    }

    [Fact]
    public void Finds_greeting_opener_and_sign_off_closer()
    {
        var (f, t) = Run("Hi Sam, good question. You can reuse the loop. Hope this helps!");
        Assert.True(f.HasGreeting);
        Assert.True(f.HasSignOff);
        Assert.Equal(["hi sam"], t.Openers);
        Assert.Equal(["hope this helps"], t.Closers);

        var (g, u) = Run("Good morning! Let me check.");
        Assert.True(g.HasGreeting);
        Assert.Equal(["good morning"], u.Openers);
        Assert.False(g.HasSignOff); // "let me check" closes the message but is not a sign-off

        var (h, _) = Run("Try the second loop. Let me know!");
        Assert.True(h.HasSignOff);
    }

    [Fact]
    public void A_long_first_clause_gives_its_first_word_as_opener()
    {
        var (f, t) = Run("So the problem is in your loop condition.");
        Assert.False(f.HasGreeting);
        Assert.Equal(["so"], t.Openers);
        Assert.Empty(t.Closers); // one sentence: no separate closer
    }

    [Fact]
    public void Emits_word_2_to_4_grams_within_clauses_lower_cased()
    {
        var (_, t) = Run("Great Question, really great question!");
        Assert.Equal(["great question", "really great", "great question", "really great question"], t.Phrases);
    }

    [Fact]
    public void Phrase_hashes_match_the_hash_of_their_stored_text()
    {
        var (_, t) = Run("Let me know if it Doesn’t work, and we can pair on it tomorrow");
        Assert.NotEmpty(t.Hashed);
        foreach (var (text, hash) in t.Hashed)
            Assert.Equal(TextHash.Phrase(text), hash);
        Assert.Contains("if it doesn't work", t.Phrases);
    }

    [Fact]
    public void Empty_and_whitespace_messages_have_no_features()
    {
        foreach (var text in new[] { "", "   \n\t " })
        {
            var (f, t) = Run(text);
            Assert.Equal(0, f.Chars);
            Assert.Equal(0, f.Words);
            Assert.Equal(0, f.Sentences);
            Assert.Empty(t.Openers);
        }
    }

    [Fact]
    public void Survives_hostile_input()
    {
        var nasty = new string('`', 500) + "\ud83d" + new string(':', 300) + "[](" + "\u200d\ufe0f" + new string('!', 100) + "\udc00";
        var (f, _) = Run(nasty);
        Assert.True(f.Chars > 0);
    }
}
