namespace MentorFunctions.Core.Style;

/// <summary>A short message typical of the mentor, kept to show the model how they write.</summary>
public sealed record Exemplar(string Text, int Chars, double Formality);

/// <summary>
/// What is learned of one mentor in one scope (all their students, or one student): exact running statistics, rates,
/// bounded top-k sketches, exemplars, and reply timing. Updated in place one message at a time; its stored form is
/// bounded (a few KB) however many messages it has seen.
/// </summary>
public sealed class StyleProfile
{
    public const int PhraseCapacity = 40;
    public const int PhraseFilter = 1024;
    public const int SmallCapacity = 12;
    public const int SmallFilter = 64;
    public const int MaxExemplars = 3;
    public const int MaxExemplarChars = 280;
    public const int HoursPerWeek = 168;

    public long Messages;
    public RunningStat Chars;
    public RunningStat Words;
    public RunningStat Sentences;
    public RunningStat Formality;
    public RunningStat Emoji;

    // Messages showing each trait (rates = count / Messages).
    public long Questions;
    public long Exclamations;
    public long Markdown;
    public long Code;
    public long Lists;
    public long Links;
    public long Quotes;
    public long Greetings;
    public long SignOffs;
    public long ContractionMessages;
    public long LowerCaseStarts;
    public long EmojiMessages;

    public SpaceSavingSketch Phrases { get; } = new(PhraseCapacity, PhraseFilter);
    public SpaceSavingSketch Openers { get; } = new(SmallCapacity, SmallFilter);
    public SpaceSavingSketch Closers { get; } = new(SmallCapacity, SmallFilter);
    public SpaceSavingSketch EmojiUse { get; } = new(SmallCapacity, SmallFilter);
    public List<Exemplar> Exemplars { get; } = new(MaxExemplars);

    /// <summary>Welford on ln(seconds) of reply latency: the log-normal fit.</summary>
    public RunningStat LogLatency;
    public long[] LatencyBins { get; } = new long[LatencyHistogram.Bins];
    /// <summary>The mentor's messages by hour of week, UTC, hour 0 = Monday 00:00.</summary>
    public long[] Activity { get; } = new long[HoursPerWeek];

    public static int HourOfWeek(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return ((int)utc.DayOfWeek + 6) % 7 * 24 + utc.Hour;
    }

    /// <summary>Adds one message's features (tokens arrive separately through the sink).</summary>
    public void Add(in MessageFeatures f, string content, DateTimeOffset sentAt)
    {
        Messages++;
        Chars.Add(f.Chars);
        Words.Add(f.Words);
        Sentences.Add(f.Sentences);
        Formality.Add(f.Formality);
        Emoji.Add(f.Emoji);
        if (f.Questions > 0) Questions++;
        if (f.Exclamations > 0) Exclamations++;
        if (f.UsesMarkdown) Markdown++;
        if (f.CodeSpans + f.CodeBlocks > 0) Code++;
        if (f.ListItems > 0) Lists++;
        if (f.Links > 0) Links++;
        if (f.Quotes > 0) Quotes++;
        if (f.HasGreeting) Greetings++;
        if (f.HasSignOff) SignOffs++;
        if (f.Contractions > 0) ContractionMessages++;
        if (f.StartsLowerCase) LowerCaseStarts++;
        if (f.Emoji > 0) EmojiMessages++;
        Activity[HourOfWeek(sentAt)]++;
        ConsiderExemplar(f, content);
    }

    public void AddLatency(TimeSpan latency)
    {
        var seconds = Math.Max(1, latency.TotalSeconds);
        LogLatency.Add(Math.Log(seconds));
        LatencyBins[LatencyHistogram.Bin(seconds)]++;
    }

    /// <summary>
    /// 0..1: grows with the number of messages and shrinks when their length varies widely (a mentor who writes both
    /// one-liners and essays needs more data before a reply can imitate them).
    /// </summary>
    public double Confidence
    {
        get
        {
            if (Messages == 0) return 0;
            var amount = Messages / (Messages + 20.0);
            var cv = Chars.Mean > 0 ? Chars.StdDev / Chars.Mean : 1;
            return amount / (1 + Math.Max(0, cv - 0.3));
        }
    }

    public double Rate(long count) => Messages == 0 ? 0 : (double)count / Messages;

    private void ConsiderExemplar(in MessageFeatures f, string content)
    {
        if (f.Chars is < 20 or > MaxExemplarChars || f.Words < 4 || f.CodeBlocks > 0 || f.Quotes > 0) return;
        var score = Distance(f.Chars, f.Formality);
        if (Exemplars.Count < MaxExemplars)
        {
            AddExemplar(f, content);
            return;
        }
        // Replace the exemplar now least typical, re-scored against the current statistics.
        var worst = -1;
        var worstScore = double.MinValue;
        for (var i = 0; i < Exemplars.Count; i++)
        {
            var s = Distance(Exemplars[i].Chars, Exemplars[i].Formality);
            if (s > worstScore) { worstScore = s; worst = i; }
        }
        if (score < worstScore * 0.9)
        {
            Exemplars.RemoveAt(worst);
            AddExemplar(f, content);
        }
    }

    private void AddExemplar(in MessageFeatures f, string content)
    {
        var text = content.Trim();
        foreach (var e in Exemplars)
            if (e.Text == text) return;
        Exemplars.Add(new Exemplar(text, f.Chars, f.Formality));
    }

    private double Distance(int chars, double formality) =>
        Math.Abs(chars - Chars.Mean) / Math.Max(Chars.StdDev, 10) + Math.Abs(formality - Formality.Mean) / (Formality.StdDev + 0.2);
}

/// <summary>Feeds one message to one or two profiles (mentor and pair scope) in a single extraction pass.</summary>
public static class StyleLearner
{
    public static MessageFeatures Learn(string content, DateTimeOffset sentAt, StyleProfile first, StyleProfile? second = null, StyleLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(first);
        var sink = new Sink(first, second);
        var features = MessageFeatureExtractor.Extract(content, ref sink, lexicon);
        first.Add(features, content, sentAt);
        second?.Add(features, content, sentAt);
        return features;
    }

    private readonly struct Sink(StyleProfile first, StyleProfile? second) : IMessageTokenSink
    {
        private const int MaxPhraseChars = 64;

        public void Phrase(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) =>
            Count(first.Phrases, second?.Phrases, hash, source, words);

        public void Opener(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) =>
            Count(first.Openers, second?.Openers, hash, source, words);

        public void Closer(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) =>
            Count(first.Closers, second?.Closers, hash, source, words);

        public void Emoji(ulong hash, ReadOnlySpan<char> emoji)
        {
            first.EmojiUse.Add(hash, emoji);
            second?.EmojiUse.Add(hash, emoji);
        }

        private static void Count(SpaceSavingSketch a, SpaceSavingSketch? b, ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words)
        {
            string? text = null;
            if (!a.TryIncrement(hash) && a.Admit(hash, out var slot))
                a.SetText(slot, text = Text(source, words));
            if (b is not null && !b.TryIncrement(hash) && b.Admit(hash, out var slotB))
                b.SetText(slotB, text ?? Text(source, words));
        }

        private static string Text(ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words)
        {
            Span<char> buffer = stackalloc char[MaxPhraseChars];
            var length = TextHash.WriteNormalized(source, words, buffer);
            // An over-long "phrase" (a URL-like run of words) is still counted, under a truncated label.
            return length >= 0 ? new string(buffer[..length]) : new string(buffer[..(MaxPhraseChars - 1)]) + "\u2026";
        }
    }
}
