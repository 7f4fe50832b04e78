using System.Buffers.Binary;
using System.Text;
using MentorFunctions.Core.Style;

namespace MentorFunctions.Core.Storage;

/// <summary>
/// The stored layout since version 5: the fields of version 4 in a fixed order, counts as LEB128 varints, doubles as
/// 8 little-endian bytes, text as UTF-8 with its byte length. A record step reads and writes two profiles per message, and
/// JSON cost several times the learning itself; this costs a fraction of it. A newer version appends its fields after
/// these, so this reader reads what it knows and ignores the rest. Stored data starts with <see cref="Tag"/>, which no
/// JSON document (versions 1–4, starting with '{') does.
/// </summary>
internal static class ProfileBinary
{
    public const byte Tag = 0xB5;

    public static byte[] Write(StyleProfile p, PairLedger? ledger, int exemplars)
    {
        var w = new Writer(System.Buffers.ArrayPool<byte>.Shared.Rent(ProfileCodec.MaxBytes));
        try
        {
            WriteFields(ref w, p, ledger, exemplars);
            return w.ToArrayAndReturn();
        }
        finally
        {
            w.ReturnIfHeld();
        }
    }

    private static void WriteFields(ref Writer w, StyleProfile p, PairLedger? ledger, int exemplars)
    {
        w.Byte(Tag);
        w.Varint(ProfileFormat.CurrentVersion);
        w.Signed(p.Messages);
        w.Stat(p.Chars); w.Stat(p.Words); w.Stat(p.Sentences); w.Stat(p.Formality); w.Stat(p.Emoji); w.Stat(p.LogLatency);
        w.Signed(p.Questions); w.Signed(p.Exclamations); w.Signed(p.Markdown); w.Signed(p.Code); w.Signed(p.Lists); w.Signed(p.Links);
        w.Signed(p.Quotes); w.Signed(p.Greetings); w.Signed(p.SignOffs); w.Signed(p.ContractionMessages); w.Signed(p.LowerCaseStarts);
        w.Signed(p.EmojiMessages);
        w.Sketch(p.Phrases); w.Sketch(p.Openers); w.Sketch(p.Closers); w.Sketch(p.EmojiUse); w.Sketch(p.TopWords);

        w.Varint((ulong)exemplars);
        for (var i = 0; i < exemplars; i++)
        {
            var e = p.Exemplars[i];
            w.Text(e.Text);
            w.Signed(e.Chars);
            w.Double(e.Formality);
            w.Varint((ulong)e.Axes.Length);
            foreach (var a in e.Axes) w.Float(a);
            w.Time(e.At);
        }

        w.Counts(p.LatencyBins); w.Counts(p.Activity);
        w.Signed(p.TotalWords); w.Signed(p.TextChars);
        w.SparseCounts(p.FunctionWordCounts);
        w.Counts(p.Marks); w.Counts(p.WordLengths); w.Counts(p.SentenceLengths); w.Counts(p.MessageLengths);
        w.Varint((ulong)p.ExemplarAxes.Length);
        foreach (var a in p.ExemplarAxes) w.Stat(a);
        w.Varint((ulong)p.RecentLatency.Weights.Length);
        foreach (var x in p.RecentLatency.Weights) w.Double(x);
        w.Time(p.RecentLatency.At);

        w.Counts(p.ActiveHours);
        w.Signed(p.LastActiveHour);
        w.Byte(ledger is null ? (byte)0 : (byte)1);
        if (ledger is not null)
        {
            w.Time(ledger.LatestUnansweredAt);
            w.Signed(ledger.LatestUnansweredId);
            w.Time(ledger.LastMentorAt);
            var recent = ledger.RecentIds;
            w.Varint((ulong)recent.Count);
            foreach (var id in recent) w.Signed(id);
        }
        w.Byte(p.ActiveHoursFromMessages ? (byte)1 : (byte)0);
    }

    public static (StyleProfile Profile, PairLedger Ledger, int Version) Read(ReadOnlySpan<byte> data)
    {
        var r = new Reader(data);
        if (r.Byte() != Tag) throw new ProfileFormatException("Stored profile data has an unknown layout.");
        var version = (int)Math.Min(int.MaxValue, r.Varint());
        if (version < 5) throw new ProfileFormatException($"Stored binary profile data claims version {version}, which was JSON.");
        var p = new StyleProfile { Messages = r.Signed() };
        p.Chars = r.Stat(); p.Words = r.Stat(); p.Sentences = r.Stat(); p.Formality = r.Stat(); p.Emoji = r.Stat(); p.LogLatency = r.Stat();
        p.Questions = r.Signed(); p.Exclamations = r.Signed(); p.Markdown = r.Signed(); p.Code = r.Signed(); p.Lists = r.Signed(); p.Links = r.Signed();
        p.Quotes = r.Signed(); p.Greetings = r.Signed(); p.SignOffs = r.Signed(); p.ContractionMessages = r.Signed(); p.LowerCaseStarts = r.Signed();
        p.EmojiMessages = r.Signed();
        r.Sketch(p.Phrases); r.Sketch(p.Openers); r.Sketch(p.Closers); r.Sketch(p.EmojiUse); r.Sketch(p.TopWords);

        var exemplars = r.Length(64);
        for (var i = 0; i < exemplars; i++)
        {
            var text = r.Text();
            var chars = (int)Math.Clamp(r.Signed(), 0, int.MaxValue);
            var formality = r.Double();
            var axes = new float[ExemplarSelection.Axes];
            var n = r.Length(1024);
            for (var k = 0; k < n; k++)
            {
                var a = r.Float();
                if (k < axes.Length) axes[k] = a;
            }
            var at = r.Time();
            if (p.Exemplars.Count < StyleProfile.MaxExemplars && text.Length > 0)
                p.Exemplars.Add(new Exemplar(text, chars, formality) { Axes = axes, At = at });
        }

        r.Counts(p.LatencyBins, "latency bins"); r.Counts(p.Activity, "activity");
        p.TotalWords = r.Signed(); p.TextChars = r.Signed();
        r.SparseCounts(p.FunctionWordCounts);
        r.Counts(p.Marks, "typography counts"); r.Counts(p.WordLengths, "word lengths"); r.Counts(p.SentenceLengths, "sentence lengths");
        r.Counts(p.MessageLengths, "message lengths");
        var axesStats = r.Length(1024);
        for (var i = 0; i < axesStats; i++)
        {
            var s = r.Stat();
            if (i < p.ExemplarAxes.Length) p.ExemplarAxes[i] = s;
        }
        var weights = r.Length(1024);
        for (var i = 0; i < weights; i++)
        {
            var x = r.Double();
            if (i < p.RecentLatency.Weights.Length) p.RecentLatency.Weights[i] = double.IsFinite(x) && x > 0 ? x : 0;
        }
        p.RecentLatency.At = r.Time();

        r.Counts(p.ActiveHours, "active hours");
        p.LastActiveHour = r.Signed();
        var ledger = new PairLedger();
        if (r.Byte() == 1)
        {
            ledger.LatestUnansweredAt = r.Time();
            ledger.LatestUnansweredId = r.Signed();
            ledger.LastMentorAt = r.Time();
            var n = r.Length(PairLedger.RecentCapacity * 4);
            var ids = new long[n];
            for (var i = 0; i < n; i++) ids[i] = r.Signed();
            ledger.LoadRecent(ids);
        }
        // Appended later within version 5: absent in the first version 5 data, read only when present.
        if (!r.AtEnd) p.ActiveHoursFromMessages = r.Byte() == 1;
        return (p, ledger, version);
    }

    /// <summary>Writes into a pooled buffer (profiles are written twice per message; the buffer is not garbage each time).</summary>
    private ref struct Writer(byte[] pooled)
    {
        private byte[] _buffer = pooled;
        private bool _pooled = true;
        private int _length;

        public void ReturnIfHeld()
        {
            if (_pooled) System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _pooled = false;
        }

        public byte[] ToArrayAndReturn()
        {
            var bytes = _buffer.AsSpan(0, _length).ToArray();
            if (_pooled) System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _pooled = false;
            return bytes;
        }

        private Span<byte> Take(int n)
        {
            if (_length + n > _buffer.Length)
            {
                // Past the pooled size (a profile over the bound, about to shed exemplars): grow into a plain array.
                var bigger = new byte[Math.Max(_buffer.Length * 2, _length + n)];
                _buffer.AsSpan(0, _length).CopyTo(bigger);
                if (_pooled) System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
                _pooled = false;
            }
            var span = _buffer.AsSpan(_length, n);
            _length += n;
            return span;
        }

        public void Byte(byte b) => Take(1)[0] = b;

        public void Varint(ulong v)
        {
            while (v >= 0x80)
            {
                Byte((byte)(v | 0x80));
                v >>= 7;
            }
            Byte((byte)v);
        }

        // Zigzag, so the rare negative value (a corrupt count read back) stays short and exact.
        public void Signed(long v) => Varint((ulong)((v << 1) ^ (v >> 63)));
        public void Double(double v) => BinaryPrimitives.WriteDoubleLittleEndian(Take(8), v);
        public void Float(float v) => BinaryPrimitives.WriteSingleLittleEndian(Take(4), v);
        public void Fixed(ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(Take(8), v);

        public void Stat(in RunningStat s)
        {
            Signed(s.Count);
            Double(s.Mean);
            Double(s.M2);
        }

        public void Text(string s)
        {
            var n = Encoding.UTF8.GetByteCount(s);
            Varint((ulong)n);
            Encoding.UTF8.GetBytes(s, Take(n));
        }

        public void Time(DateTimeOffset? at)
        {
            if (at is not { } t)
            {
                Byte(0);
                return;
            }
            Byte(1);
            Signed(t.UtcTicks);
            Signed((long)t.Offset.TotalMinutes);
        }

        public void Counts(ReadOnlySpan<long> values)
        {
            Varint((ulong)values.Length);
            foreach (var v in values) Signed(v);
        }

        public void SparseCounts(ReadOnlySpan<long> values)
        {
            var nonZero = 0;
            foreach (var v in values) if (v != 0) nonZero++;
            Varint((ulong)values.Length);
            Varint((ulong)nonZero);
            var last = -1;
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] == 0) continue;
                Varint((ulong)(i - last - 1));
                Signed(values[i]);
                last = i;
            }
        }

        public void Sketch(SpaceSavingSketch sketch)
        {
            var entries = sketch.Entries();
            Varint((ulong)entries.Length);
            foreach (var e in entries)
            {
                Text(e.Text);
                Fixed(e.Key);
                Signed(e.Count);
                Signed(e.Error);
            }
            var filter = sketch.Filter;
            if (filter.ContainsAnyExcept(0L)) Counts(filter);
            else Varint(0);
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;

        private ReadOnlySpan<byte> Take(int n)
        {
            if (n < 0 || _at + n > _data.Length) throw new ProfileFormatException("Stored profile data ends early.");
            var span = _data.Slice(_at, n);
            _at += n;
            return span;
        }

        public byte Byte() => Take(1)[0];

        public readonly bool AtEnd => _at >= _data.Length;

        public ulong Varint()
        {
            ulong v = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Byte();
                v |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return v;
            }
            throw new ProfileFormatException("Stored profile data has a malformed number.");
        }

        public long Signed()
        {
            var v = Varint();
            return (long)(v >> 1) ^ -(long)(v & 1);
        }

        /// <summary>A length, refused beyond what this layout ever writes (a corrupt length must not allocate gigabytes).</summary>
        public int Length(int max)
        {
            var n = Varint();
            return n <= (ulong)max ? (int)n : throw new ProfileFormatException($"Stored profile data has a length of {n}, over {max}.");
        }

        public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));
        public float Float() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));
        public ulong Fixed() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

        public RunningStat Stat()
        {
            var n = Signed();
            var mean = Double();
            var m2 = Double();
            return new RunningStat(Math.Max(0, n), mean, Math.Max(0, m2));
        }

        public string Text()
        {
            var n = Length(ProfileCodec.MaxBytes);
            return Encoding.UTF8.GetString(Take(n));
        }

        public DateTimeOffset? Time()
        {
            if (Byte() == 0) return null;
            var ticks = Signed();
            var offset = Signed();
            // Both the instant and its local time must be representable (ToOffset throws otherwise).
            if (offset is < -14 * 60 or > 14 * 60) throw new ProfileFormatException("Stored profile data has an invalid time offset.");
            var local = ticks + offset * TimeSpan.TicksPerMinute;
            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks || local < DateTime.MinValue.Ticks || local > DateTime.MaxValue.Ticks)
                throw new ProfileFormatException("Stored profile data has an invalid time.");
            return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offset));
        }

        public void Counts(Span<long> into, string what)
        {
            var n = Length(64 * 1024);
            for (var i = 0; i < n; i++)
            {
                var v = Signed();
                if (v < 0) throw new ProfileFormatException($"Stored {what} hold a negative count.");
                if (i < into.Length) into[i] = v;
            }
        }

        public void SparseCounts(Span<long> into)
        {
            Length(64 * 1024);
            var nonZero = Length(64 * 1024);
            var index = -1;
            for (var i = 0; i < nonZero; i++)
            {
                var skip = Varint();
                var v = Signed();
                if (skip > 64 * 1024 || index + (long)skip + 1 > 64 * 1024) throw new ProfileFormatException("Stored function-word counts are malformed.");
                index += (int)skip + 1;
                if (v < 0) throw new ProfileFormatException("Stored function-word counts hold a negative count.");
                if (index < into.Length) into[index] = v;
            }
        }

        public void Sketch(SpaceSavingSketch sketch)
        {
            var n = Length(4096);
            var entries = new SketchEntry[n];
            for (var i = 0; i < n; i++)
            {
                var text = Text();
                var key = Fixed();
                entries[i] = new SketchEntry(text, key, Signed(), Signed());
            }
            var filterLength = Length(64 * 1024);
            Span<long> filter = filterLength <= 1024 ? stackalloc long[filterLength] : new long[filterLength];
            for (var i = 0; i < filterLength; i++) filter[i] = Math.Max(0, Signed());
            sketch.Load(entries, filter);
        }
    }
}
