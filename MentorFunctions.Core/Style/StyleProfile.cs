namespace MentorFunctions.Core.Style;

/// <summary>
/// A short message typical of the mentor, kept to show the model how they write. <see cref="Axes"/> is its position on
/// the <see cref="ExemplarSelection"/> axes (stored with it, so it is re-scored without re-reading the text).
/// </summary>
public sealed record Exemplar(string Text, int Chars, double Formality)
{
    public float[] Axes { get; init; } = new float[ExemplarSelection.Axes];

    /// <summary>When the mentor last wrote it (null when stored before times were kept): a merge keeps the newest.</summary>
    public DateTimeOffset? At { get; init; }
}

/// <summary>
/// What is learned of one mentor in one scope (all their students, or one student): exact running statistics, rates,
/// bounded top-k sketches, exemplars, and reply timing. Updated in place one message at a time; its stored form is
/// bounded (a few KB) however many messages it has seen.
/// </summary>
public sealed class StyleProfile
{
    public const int PhraseCapacity = 40;
    /// <summary>
    /// 128 buckets: enough to keep one-off phrases out of the 40 monitored ones. Version 2 stored 1,024, which saturated
    /// on a long-lived profile and were a third of its bytes; they are folded into 128 on reading.
    /// </summary>
    public const int PhraseFilter = 128;
    public const int SmallCapacity = 12;
    public const int SmallFilter = 64;
    public const int MaxExemplars = 8;
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

    // Version 3: function words, typography, length distributions.
    /// <summary>Words of the author's own text (the base of function-word rates).</summary>
    public long TotalWords;
    /// <summary>Characters of the author's own text (the base of per-1,000-character rates).</summary>
    public long TextChars;
    /// <summary>Uses of each <see cref="FunctionWords"/> entry, in table order.</summary>
    public long[] FunctionWordCounts { get; } = new long[FunctionWords.Count];
    /// <summary>Uses of each <see cref="Mark"/>.</summary>
    public long[] Marks { get; } = new long[MarkCounts.Count];
    /// <summary>Words by length (<see cref="LengthBins.WordLower"/>).</summary>
    public long[] WordLengths { get; } = new long[LengthBins.WordBins];
    /// <summary>Sentences by length in words (<see cref="LengthBins.SentenceLower"/>).</summary>
    public long[] SentenceLengths { get; } = new long[LengthBins.SentenceBins];
    /// <summary>Messages by length in words (<see cref="LengthBins.MessageLower"/>).</summary>
    public long[] MessageLengths { get; } = new long[LengthBins.MessageBins];
    /// <summary>Running mean and spread of every message on the exemplar axes: the mentor's centroid.</summary>
    public RunningStat[] ExemplarAxes { get; } = new RunningStat[ExemplarSelection.Axes];

    /// <summary>
    /// The mentor's own most frequent words, any words (Filtered Space-Saving, 128 monitored): with the function-word
    /// table it gives attribution the vocabulary that the classic most-frequent-words methods use.
    /// </summary>
    public SpaceSavingSketch TopWords { get; } = new(WordCapacity, WordFilter);
    public const int WordCapacity = 128;
    public const int WordFilter = 256;

    public SpaceSavingSketch Phrases { get; } = new(PhraseCapacity, PhraseFilter);
    public SpaceSavingSketch Openers { get; } = new(SmallCapacity, SmallFilter);
    public SpaceSavingSketch Closers { get; } = new(SmallCapacity, SmallFilter);
    public SpaceSavingSketch EmojiUse { get; } = new(SmallCapacity, SmallFilter);
    public List<Exemplar> Exemplars { get; } = new(MaxExemplars);

    /// <summary>Welford on ln(seconds) of reply latency: the log-normal fit.</summary>
    public RunningStat LogLatency;
    /// <summary>Every learned latency, counted once (what the dashboard and descriptions show).</summary>
    public long[] LatencyBins { get; } = new long[LatencyHistogram.Bins];
    /// <summary>The same latencies weighted towards the recent ones: what the planner draws delays from.</summary>
    public DecayingLatencyHistogram RecentLatency { get; } = new();
    /// <summary>The mentor's messages by hour of week, UTC, hour 0 = Monday 00:00.</summary>
    public long[] Activity { get; } = new long[HoursPerWeek];
    /// <summary>
    /// The clock hours in which the mentor wrote, by hour of week (several messages within one hour count once): what
    /// their active hours are learned from, since a conversation's burst of messages says one thing about when they are
    /// around, not twenty.
    /// </summary>
    public long[] ActiveHours { get; } = new long[HoursPerWeek];
    /// <summary>The clock hour of the last message counted into <see cref="ActiveHours"/> (hours since 1970, UTC; 0 for none).</summary>
    public long LastActiveHour;
    /// <summary>
    /// True when <see cref="ActiveHours"/> began as a stored profile's message counts (before version 5 only messages were
    /// counted): those counts stay in it, inflated by bursts, so it does not inform how much mentors' hours vary.
    /// </summary>
    public bool ActiveHoursFromMessages;

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
        TotalWords += f.Words;
        TextChars += f.TextChars;
        for (var i = 0; i < MarkCounts.Count; i++) Marks[i] += f.Marks[i];
        for (var i = 0; i < LengthBins.WordBins; i++) WordLengths[i] += f.WordLengths[i];
        for (var i = 0; i < LengthBins.SentenceBins; i++) SentenceLengths[i] += f.SentenceLengths[i];
        MessageLengths[LengthBins.Bin(LengthBins.MessageLower, f.Words)]++;
        Activity[HourOfWeek(sentAt)]++;
        var clockHour = sentAt.ToUnixTimeSeconds() / 3600;
        if (clockHour != LastActiveHour)
        {
            ActiveHours[HourOfWeek(sentAt)]++;
            // The hour last seen, not the latest: a history learned conversation by conversation (an import) still counts
            // each conversation's hours once.
            LastActiveHour = clockHour;
        }
        Span<float> axes = stackalloc float[ExemplarSelection.Axes];
        ExemplarSelection.Vector(f, axes);
        for (var i = 0; i < axes.Length; i++) ExemplarAxes[i].Add(axes[i]);
        ConsiderExemplar(f, content, axes, sentAt);
    }

    /// <summary>
    /// Adds what another profile learned from a disjoint set of messages (see <see cref="StyleProfileMerge"/>): the same
    /// counts, statistics and histograms as learning both sets here.
    /// </summary>
    public void Merge(StyleProfile other, TimeSpan latencyHalfLife) => StyleProfileMerge.Merge(this, other, latencyHalfLife);

    /// <summary>Counts one word of the author's own text when it is a function word.</summary>
    public void AddWord(ulong wordHash)
    {
        var i = FunctionWords.IndexOf(wordHash);
        if (i >= 0) FunctionWordCounts[i]++;
    }

    /// <summary>Learns one reply latency, answered at <paramref name="answeredAt"/>; recent ones weigh more (<paramref name="halfLife"/>).</summary>
    public void AddLatency(TimeSpan latency, DateTimeOffset answeredAt, TimeSpan halfLife)
    {
        var seconds = Math.Max(1, latency.TotalSeconds);
        LogLatency.Add(Math.Log(seconds));
        LatencyBins[LatencyHistogram.Bin(seconds)]++;
        RecentLatency.Add(seconds, answeredAt, halfLife);
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

    private void ConsiderExemplar(in MessageFeatures f, string content, ReadOnlySpan<float> axes, DateTimeOffset sentAt)
    {
        if (f.Chars is < 20 or > MaxExemplarChars || f.Words < 4 || f.CodeBlocks > 0 || f.Quotes > 0) return;
        var centroid = ExemplarSelection.DistanceToCentroid(axes, ExemplarAxes);
        // Until the centroid settles (20 messages) any candidate may enter; after, only a typical one.
        var settled = ExemplarAxes[0].Count >= 20;
        if (settled && centroid > ExemplarSelection.MaxTypicalDistance) return;
        // A member taken in before the centroid settled, or left behind as the mentor's style moved, makes room.
        if (settled)
            Exemplars.RemoveAll(e => ExemplarSelection.DistanceToCentroid(e.Axes, ExemplarAxes) > ExemplarSelection.MaxTypicalDistance);
        var text = content.Trim();
        for (var i = 0; i < Exemplars.Count; i++)
        {
            if (Exemplars[i].Text != text) continue;
            if (Exemplars[i].At is not { } at || sentAt > at) Exemplars[i] = Exemplars[i] with { At = sentAt };
            return;
        }
        var candidate = new Exemplar(text, f.Chars, f.Formality) { Axes = axes.ToArray(), At = sentAt };
        if (Exemplars.Count < MaxExemplars)
        {
            Exemplars.Add(candidate);
            return;
        }
        // Swap the candidate for the member whose removal most improves the set (or not at all). Index n is the candidate.
        var n = Exemplars.Count;
        Span<double> toCentroid = stackalloc double[n + 1];
        Span<double> d = stackalloc double[(n + 1) * (n + 1)];
        for (var i = 0; i <= n; i++)
        {
            var a = i == n ? candidate.Axes : Exemplars[i].Axes;
            toCentroid[i] = ExemplarSelection.DistanceToCentroid(a, ExemplarAxes);
            for (var j = 0; j < i; j++)
                d[i * (n + 1) + j] = d[j * (n + 1) + i] = ExemplarSelection.Distance(a, Exemplars[j].Axes, ExemplarAxes);
        }
        var current = Objective(n, toCentroid, d, left: n);
        var best = -1;
        var bestScore = current - 1e-9;
        for (var r = 0; r < n; r++)
        {
            var score = Objective(n, toCentroid, d, left: r);
            if (score < bestScore) { bestScore = score; best = r; }
        }
        if (best >= 0) Exemplars[best] = candidate;
    }

    /// <summary>The objective of the n + 1 items without <paramref name="left"/> (lower is better).</summary>
    private static double Objective(int n, ReadOnlySpan<double> toCentroid, ReadOnlySpan<double> d, int left)
    {
        double total = 0;
        for (var i = 0; i <= n; i++)
        {
            if (i == left) continue;
            var nearest = double.MaxValue;
            for (var j = 0; j <= n; j++)
                if (j != i && j != left) nearest = Math.Min(nearest, d[i * (n + 1) + j]);
            total += toCentroid[i] - ExemplarSelection.Diversity * (nearest == double.MaxValue ? 0 : nearest);
        }
        return total;
    }
}

/// <summary>Feeds one message to one or two profiles (mentor and pair scope) in a single extraction pass.</summary>
public static class StyleLearner
{
    /// <summary>
    /// One message of a mentor–student conversation, learned as the record step learns it: a mentor's message teaches
    /// the style of both scopes and, when the student was waiting, a reply latency; a student's message starts a wait.
    /// The caller has already checked <see cref="PairLedger.TryMarkCounted"/>.
    /// </summary>
    public static void Record(Conversations.ConversationMessage message, PairLedger ledger, StyleProfile pair, StyleProfile? mentor, StyleOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(options);
        if (message.Role != Conversations.ParticipantRole.Mentor)
        {
            ledger.OnStudentMessage(message);
            return;
        }
        ArgumentNullException.ThrowIfNull(mentor);
        Learn(message.Content, message.SentAt, mentor, pair);
        if (ledger.OnMentorMessage(message, options.MaxLearnedLatency) is { } latency)
        {
            mentor.AddLatency(latency, message.SentAt, options.LatencyHalfLife);
            pair.AddLatency(latency, message.SentAt, options.LatencyHalfLife);
        }
    }

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

        public void Word(ulong hash, ReadOnlySpan<char> word)
        {
            var i = FunctionWords.IndexOf(hash);
            if (i >= 0)
            {
                first.FunctionWordCounts[i]++;
                if (second is not null) second.FunctionWordCounts[i]++;
            }
            string? text = null;
            if (!first.TopWords.TryIncrement(hash) && first.TopWords.Admit(hash, out var slot))
                first.TopWords.SetText(slot, text = Normalized(word));
            if (second is not null && !second.TopWords.TryIncrement(hash) && second.TopWords.Admit(hash, out var slotB))
                second.TopWords.SetText(slotB, text ?? Normalized(word));
        }

        private static string Normalized(ReadOnlySpan<char> word)
        {
            Span<char> buffer = stackalloc char[Math.Min(word.Length, MaxPhraseChars)];
            for (var i = 0; i < buffer.Length; i++) buffer[i] = TextHash.Normalize(word[i]);
            return new string(buffer);
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
