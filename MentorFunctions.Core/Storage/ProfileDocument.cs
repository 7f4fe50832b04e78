using System.Text.Json;
using System.Text.Json.Serialization;
using MentorFunctions.Core.Style;

namespace MentorFunctions.Core.Storage;

/// <summary>The stored layout of a profile entity's data. Additive changes only; bump the version when the meaning changes.</summary>
public static class ProfileFormat
{
    /// <summary>
    /// 2: sketches carry their filter counters and the latency histogram is stored. Version 1 had neither; it reads as
    /// version 2 with empty filters and an empty histogram (both refill as messages arrive), and is rewritten as 2.
    /// 3: function-word counts, punctuation and typography counts, word/sentence/message length histograms, the
    /// exemplar centroid and each exemplar's axes, and up to 8 exemplars; count arrays are packed bytes (base64) and the
    /// phrase filter has 128 buckets. Version 2 reads as 3 with those statistics empty (they fill as messages arrive),
    /// its 1,024-bucket phrase filter folded into 128 and its exemplars' axes recomputed from their text.
    /// 4: reply latencies run from the student's latest unanswered message (the ledger's wait moved from the first
    /// one) and are also kept in a histogram decayed towards the recent ones. Version 3 reads as 4 with the decayed
    /// histogram taken from the plain one and a stored first-unanswered wait read as the latest.
    /// 5: a binary layout (<see cref="ProfileBinary"/>) instead of JSON, several times cheaper to read and write, and the
    /// clock hours with a message by hour of week (active hours are learned from them); versions 1–4 are still read (as
    /// JSON, their message counts by hour of week standing for the hours) and rewritten as 5.
    /// </summary>
    public const int CurrentVersion = 5;
}

/// <summary>Stored profile data that cannot be read (malformed), or was written by a newer version than this one.</summary>
public sealed class ProfileFormatException(string message, Exception? inner = null) : Exception(message, inner);

internal sealed class ProfileDocument
{
    public int V { get; set; }
    public long N { get; set; }
    public StatDocument? Chars { get; set; }
    public StatDocument? Words { get; set; }
    public StatDocument? Sentences { get; set; }
    public StatDocument? Formality { get; set; }
    public StatDocument? Emoji { get; set; }
    public TraitDocument? Traits { get; set; }
    public SketchDocument? Phrases { get; set; }
    public SketchDocument? Openers { get; set; }
    public SketchDocument? Closers { get; set; }
    public SketchDocument? EmojiUse { get; set; }
    public List<ExemplarDocument>? Exemplars { get; set; }
    public StatDocument? LogLatency { get; set; }
    /// <summary>Since version 2.</summary>
    public long[]? LatencyBins { get; set; }
    public long[]? Activity { get; set; }
    /// <summary>Only on pair entities.</summary>
    public LedgerDocument? Ledger { get; set; }

    // Since version 3.
    public long Tw { get; set; }
    public long Tc { get; set; }
    /// <summary>Function-word counts, sparse packed (<see cref="PackedArrays.SparseCounts"/>), in <see cref="FunctionWords"/> order.</summary>
    public byte[]? Fw { get; set; }
    /// <summary>Counts of each <see cref="Mark"/>, packed.</summary>
    public byte[]? Mk { get; set; }
    /// <summary>Word, sentence and message length histograms, packed.</summary>
    public byte[]? Wl { get; set; }
    public byte[]? Sl { get; set; }
    public byte[]? Ml { get; set; }
    /// <summary>The exemplar axes' running statistics: (count, mean, M2) per axis as doubles.</summary>
    public byte[]? Ax { get; set; }
    /// <summary>The mentor's most frequent words (<see cref="StyleProfile.TopWords"/>).</summary>
    public SketchDocument? Vocab { get; set; }

    // Since version 4.
    /// <summary>The decayed latency histogram's weights (<see cref="StyleProfile.RecentLatency"/>), packed doubles.</summary>
    public byte[]? Rl { get; set; }
    /// <summary>The instant those weights are decayed to.</summary>
    public DateTimeOffset? Ra { get; set; }

    // Since version 5 (stored in binary; the interchange document carries them too).
    /// <summary>Clock hours with a message, by hour of week (<see cref="StyleProfile.ActiveHours"/>), packed.</summary>
    public byte[]? Ah { get; set; }
    public long Lh { get; set; }
    /// <summary>The active hours began as message counts (<see cref="StyleProfile.ActiveHoursFromMessages"/>).</summary>
    public bool Am { get; set; }
}

internal sealed class StatDocument
{
    public long N { get; set; }
    public double Mean { get; set; }
    public double M2 { get; set; }
}

internal sealed class TraitDocument
{
    public long Questions { get; set; }
    public long Exclamations { get; set; }
    public long Markdown { get; set; }
    public long Code { get; set; }
    public long Lists { get; set; }
    public long Links { get; set; }
    public long Quotes { get; set; }
    public long Greetings { get; set; }
    public long SignOffs { get; set; }
    public long Contractions { get; set; }
    public long LowerCaseStarts { get; set; }
    public long EmojiMessages { get; set; }
}

/// <summary>Parallel arrays: text, key (stable hash), count, error; and (since version 2) the filter counters.</summary>
internal sealed class SketchDocument
{
    public string[]? T { get; set; }
    public ulong[]? K { get; set; }
    public long[]? C { get; set; }
    public long[]? E { get; set; }
    /// <summary>Filter counters as JSON numbers (version 2).</summary>
    public long[]? F { get; set; }
    /// <summary>Filter counters, packed (since version 3).</summary>
    public byte[]? Fp { get; set; }
}

internal sealed class ExemplarDocument
{
    public string Text { get; set; } = "";
    public int Chars { get; set; }
    public double Formality { get; set; }
    /// <summary>The exemplar's axes as little-endian floats (since version 3).</summary>
    public byte[]? A { get; set; }
    /// <summary>When the mentor last wrote it (added in version 4; absent before): merges keep the newest.</summary>
    public DateTimeOffset? At { get; set; }
}

internal sealed class LedgerDocument
{
    /// <summary>Up to version 3: the wait began at the student's first unanswered message.</summary>
    public DateTimeOffset? FirstUnansweredAt { get; set; }
    public long FirstUnansweredId { get; set; }
    /// <summary>Since version 4: the student's latest unanswered message.</summary>
    public DateTimeOffset? LatestUnansweredAt { get; set; }
    public long LatestUnansweredId { get; set; }
    public DateTimeOffset? LastMentorAt { get; set; }
    public long[]? Recent { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ProfileDocument))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext;

/// <summary>A profile (and, for a pair, its ledger) to and from the compact stored form.</summary>
public static class ProfileCodec
{
    /// <summary>The stored-size bound of one profile entity's data (an entity may hold 1 MB; we keep profiles small).</summary>
    public const int MaxBytes = 32 * 1024;

    /// <summary>
    /// The stored form, at most <see cref="MaxBytes"/>. Everything in it is bounded by construction; should counts ever
    /// grow long enough to pass the bound, the exemplars (the only free text) are shed first.
    /// </summary>
    public static byte[] Serialize(StyleProfile profile, PairLedger? ledger = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var exemplars = profile.Exemplars.Count;
        var bytes = ProfileBinary.Write(profile, ledger, exemplars);
        while (bytes.Length > MaxBytes && exemplars > 0)
            bytes = ProfileBinary.Write(profile, ledger, --exemplars);
        return bytes.Length <= MaxBytes ? bytes : throw new ProfileFormatException($"A profile serialised to {bytes.Length} bytes, over the {MaxBytes}-byte bound.");
    }

    /// <summary>
    /// The interchange form: the JSON document of layout version 4 (what was stored before version 5). The profile import
    /// route takes it, mentor-lab uploads it, and <see cref="Deserialize"/> reads it like the stored form.
    /// </summary>
    public static byte[] SerializeJson(StyleProfile profile, PairLedger? ledger = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return JsonSerializer.SerializeToUtf8Bytes(Document(profile, ledger), ProfileJsonContext.Default.ProfileDocument);
    }

    private static ProfileDocument Document(StyleProfile profile, PairLedger? ledger)
    {
        return new ProfileDocument
        {
            V = 4,
            N = profile.Messages,
            Chars = Stat(profile.Chars),
            Words = Stat(profile.Words),
            Sentences = Stat(profile.Sentences),
            Formality = Stat(profile.Formality),
            Emoji = Stat(profile.Emoji),
            Traits = new TraitDocument
            {
                Questions = profile.Questions,
                Exclamations = profile.Exclamations,
                Markdown = profile.Markdown,
                Code = profile.Code,
                Lists = profile.Lists,
                Links = profile.Links,
                Quotes = profile.Quotes,
                Greetings = profile.Greetings,
                SignOffs = profile.SignOffs,
                Contractions = profile.ContractionMessages,
                LowerCaseStarts = profile.LowerCaseStarts,
                EmojiMessages = profile.EmojiMessages,
            },
            Phrases = Sketch(profile.Phrases),
            Openers = Sketch(profile.Openers),
            Closers = Sketch(profile.Closers),
            EmojiUse = Sketch(profile.EmojiUse),
            Exemplars = profile.Exemplars.Select(e => new ExemplarDocument { Text = e.Text, Chars = e.Chars, Formality = e.Formality, A = PackedArrays.Floats(e.Axes), At = e.At }).ToList(),
            LogLatency = Stat(profile.LogLatency),
            LatencyBins = profile.LatencyBins,
            Activity = profile.Activity,
            Ledger = ledger is null
                ? null
                : new LedgerDocument
                {
                    LatestUnansweredAt = ledger.LatestUnansweredAt,
                    LatestUnansweredId = ledger.LatestUnansweredId,
                    LastMentorAt = ledger.LastMentorAt,
                    Recent = ledger.RecentIds.ToArray(),
                },
            Tw = profile.TotalWords,
            Tc = profile.TextChars,
            Fw = PackedArrays.SparseCounts(profile.FunctionWordCounts),
            Mk = PackedArrays.Counts(profile.Marks),
            Wl = PackedArrays.Counts(profile.WordLengths),
            Sl = PackedArrays.Counts(profile.SentenceLengths),
            Ml = PackedArrays.Counts(profile.MessageLengths),
            Ax = AxesBytes(profile.ExemplarAxes),
            Vocab = Sketch(profile.TopWords),
            Rl = profile.RecentLatency.At is null && !profile.RecentLatency.Weights.ContainsAnyExcept(0d) ? null : PackedArrays.Doubles(profile.RecentLatency.Weights),
            Ra = profile.RecentLatency.At,
            Ah = PackedArrays.Counts(profile.ActiveHours),
            Lh = profile.LastActiveHour,
            Am = profile.ActiveHoursFromMessages,
        };
    }

    /// <summary>
    /// Reads stored data of this or an older version, or the interchange form (<see cref="SerializeJson"/>). Newer
    /// versions are read as far as they are understood.
    /// </summary>
    public static (StyleProfile Profile, PairLedger Ledger, int Version) Deserialize(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) throw new ProfileFormatException("Stored profile data is empty.");
        return data[0] == ProfileBinary.Tag ? ProfileBinary.Read(data) : DeserializeJson(data);
    }

    /// <summary>Versions 1–4, stored as JSON.</summary>
    private static (StyleProfile Profile, PairLedger Ledger, int Version) DeserializeJson(ReadOnlySpan<byte> data)
    {
        ProfileDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(data, ProfileJsonContext.Default.ProfileDocument);
        }
        catch (JsonException e)
        {
            throw new ProfileFormatException("Stored profile data is not valid JSON.", e);
        }
        if (doc is null || doc.V < 1) throw new ProfileFormatException("Stored profile data has no version.");

        var p = new StyleProfile
        {
            Messages = doc.N,
            Chars = Stat(doc.Chars),
            Words = Stat(doc.Words),
            Sentences = Stat(doc.Sentences),
            Formality = Stat(doc.Formality),
            Emoji = Stat(doc.Emoji),
            LogLatency = Stat(doc.LogLatency),
        };
        if (doc.Traits is { } t)
        {
            p.Questions = t.Questions;
            p.Exclamations = t.Exclamations;
            p.Markdown = t.Markdown;
            p.Code = t.Code;
            p.Lists = t.Lists;
            p.Links = t.Links;
            p.Quotes = t.Quotes;
            p.Greetings = t.Greetings;
            p.SignOffs = t.SignOffs;
            p.ContractionMessages = t.Contractions;
            p.LowerCaseStarts = t.LowerCaseStarts;
            p.EmojiMessages = t.EmojiMessages;
        }
        Load(p.Phrases, doc.Phrases);
        Load(p.Openers, doc.Openers);
        Load(p.Closers, doc.Closers);
        Load(p.EmojiUse, doc.EmojiUse);
        foreach (var e in doc.Exemplars ?? [])
            if (p.Exemplars.Count < StyleProfile.MaxExemplars && !string.IsNullOrEmpty(e.Text))
                p.Exemplars.Add(ReadExemplar(e));
        p.TotalWords = doc.Tw;
        p.TextChars = doc.Tc;
        if (doc.Fw is { } fw) PackedArrays.ReadSparseCounts(fw, p.FunctionWordCounts, "function-word counts");
        if (doc.Mk is { } mk) PackedArrays.ReadCounts(mk, p.Marks, "typography counts");
        if (doc.Wl is { } wl) PackedArrays.ReadCounts(wl, p.WordLengths, "word lengths");
        if (doc.Sl is { } sl) PackedArrays.ReadCounts(sl, p.SentenceLengths, "sentence lengths");
        if (doc.Ml is { } ml) PackedArrays.ReadCounts(ml, p.MessageLengths, "message lengths");
        if (doc.Ax is { } ax) ReadAxes(ax, p.ExemplarAxes);
        Load(p.TopWords, doc.Vocab);
        CopyInto(doc.LatencyBins, p.LatencyBins);
        CopyInto(doc.Activity, p.Activity);
        // Before version 5 only messages were counted: they become the hours (an upper bound, inflated by bursts) and new
        // hours are added to them; the flag keeps such a mentor out of the estimate of how much mentors' hours vary.
        if (doc.Ah is { } ah)
        {
            PackedArrays.ReadCounts(ah, p.ActiveHours, "active hours");
            p.ActiveHoursFromMessages = doc.Am;
        }
        else
        {
            p.Activity.CopyTo(p.ActiveHours);
            p.ActiveHoursFromMessages = true;
        }
        p.LastActiveHour = doc.Lh;
        if (doc.Rl is { Length: LatencyHistogram.Bins * 8 } rl)
        {
            PackedArrays.ReadDoubles(rl, p.RecentLatency.Weights);
            p.RecentLatency.At = doc.Ra;
        }
        else
        {
            p.RecentLatency.LoadUndecayed(p.LatencyBins);
        }

        var ledger = new PairLedger();
        if (doc.Ledger is { } l)
        {
            // A version 3 wait began at the first unanswered message: the best estimate of the latest one there is.
            ledger.LatestUnansweredAt = l.LatestUnansweredAt ?? l.FirstUnansweredAt;
            ledger.LatestUnansweredId = l.LatestUnansweredAt is null ? l.FirstUnansweredId : l.LatestUnansweredId;
            ledger.LastMentorAt = l.LastMentorAt;
            ledger.LoadRecent(l.Recent ?? []);
        }
        return (p, ledger, doc.V);
    }

    private static Exemplar ReadExemplar(ExemplarDocument e)
    {
        var axes = new float[ExemplarSelection.Axes];
        if (e.A is { Length: ExemplarSelection.Axes * 4 } a)
        {
            PackedArrays.ReadFloats(a, axes);
        }
        else
        {
            // Stored before version 3: place the exemplar from its text.
            var f = MessageFeatureExtractor.Extract(e.Text);
            ExemplarSelection.Vector(f, axes);
        }
        return new Exemplar(e.Text, e.Chars, e.Formality) { Axes = axes, At = e.At };
    }

    private static byte[] AxesBytes(RunningStat[] axes)
    {
        Span<double> values = stackalloc double[axes.Length * 3];
        for (var i = 0; i < axes.Length; i++)
        {
            values[3 * i] = axes[i].Count;
            values[3 * i + 1] = axes[i].Mean;
            values[3 * i + 2] = axes[i].M2;
        }
        return PackedArrays.Doubles(values);
    }

    private static void ReadAxes(byte[] data, RunningStat[] into)
    {
        Span<double> values = stackalloc double[into.Length * 3];
        PackedArrays.ReadDoubles(data, values);
        for (var i = 0; i < into.Length; i++)
            into[i] = new RunningStat((long)values[3 * i], values[3 * i + 1], Math.Max(0, values[3 * i + 2]));
    }

    private static StatDocument Stat(in RunningStat s) => new() { N = s.Count, Mean = s.Mean, M2 = s.M2 };
    private static RunningStat Stat(StatDocument? s) => s is null ? default : new RunningStat(s.N, s.Mean, s.M2);

    private static SketchDocument Sketch(SpaceSavingSketch sketch)
    {
        var entries = sketch.Entries();
        var filter = sketch.Filter;
        var anyFilter = filter.ContainsAnyExcept(0L);
        return new SketchDocument
        {
            T = entries.Select(e => e.Text).ToArray(),
            K = entries.Select(e => e.Key).ToArray(),
            C = entries.Select(e => e.Count).ToArray(),
            E = entries.Select(e => e.Error).ToArray(),
            Fp = anyFilter ? PackedArrays.Counts(filter) : null,
        };
    }

    private static void Load(SpaceSavingSketch sketch, SketchDocument? doc)
    {
        if (doc?.T is not { } texts) return;
        var n = texts.Length;
        if (doc.C is not { } counts || counts.Length != n) throw new ProfileFormatException("A stored sketch has mismatched arrays.");
        var keys = doc.K is { Length: var kn } && kn == n ? doc.K : null;
        var errors = doc.E is { Length: var en } && en == n ? doc.E : null;
        var entries = new SketchEntry[n];
        for (var i = 0; i < n; i++)
            entries[i] = new SketchEntry(texts[i] ?? "", keys?[i] ?? TextHash.Phrase(texts[i] ?? ""), counts[i], errors?[i] ?? 0);
        if (doc.Fp is { } packed)
        {
            var filter = new long[sketch.Filter.Length];
            PackedArrays.ReadCounts(packed, filter, "sketch filter");
            sketch.Load(entries, filter);
        }
        else
        {
            sketch.Load(entries, doc.F ?? []);
        }
    }

    private static void CopyInto(long[]? from, long[] to)
    {
        if (from is null) return;
        from.AsSpan(0, Math.Min(from.Length, to.Length)).CopyTo(to);
    }
}
