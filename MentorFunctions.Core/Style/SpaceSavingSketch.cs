namespace MentorFunctions.Core.Style;

/// <summary>One counted item of a sketch: <see cref="Count"/> over-estimates by at most <see cref="Error"/>.</summary>
public readonly record struct SketchEntry(string Text, ulong Key, long Count, long Error)
{
    /// <summary>The count the sketch guarantees (never more than the true count).</summary>
    public long GuaranteedCount => Count - Error;
}

/// <summary>
/// Bounded top-k counting: Filtered Space-Saving (Homem &amp; Carvalho 2010). Monitors at most <c>capacity</c> items in a
/// min-heap; an unmonitored item first raises a small hashed counter and only replaces the minimum once that counter
/// reaches it. The filter keeps one-off phrases from churning the list (and from allocating a string each), which is
/// what makes the profile update cheap. Memory and stored size are fixed whatever the stream length.
/// </summary>
public sealed class SpaceSavingSketch
{
    private readonly int _capacity;
    private readonly ulong[] _keys;
    private readonly string[] _texts;
    private readonly long[] _counts;
    private readonly long[] _errors;
    private readonly int[] _heap; // slot indices; the root has the smallest count
    private readonly int[] _heapPos; // slot -> heap position
    private readonly long[] _filter;
    private readonly Dictionary<ulong, int> _index;
    private int _size;

    public SpaceSavingSketch(int capacity, int filterSize)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
        if (filterSize < 1 || (filterSize & (filterSize - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(filterSize), "a power of two");
        _capacity = capacity;
        _keys = new ulong[capacity];
        _texts = new string[capacity];
        _counts = new long[capacity];
        _errors = new long[capacity];
        _heap = new int[capacity];
        _heapPos = new int[capacity];
        _filter = new long[filterSize];
        _index = new Dictionary<ulong, int>(capacity * 2);
    }

    public int Capacity => _capacity;
    public int Count => _size;
    public ReadOnlySpan<long> Filter => _filter;

    /// <summary>Counts one occurrence when the item is already monitored; false when the caller must <see cref="Admit"/> it.</summary>
    public bool TryIncrement(ulong key)
    {
        if (!_index.TryGetValue(key, out var slot)) return false;
        _counts[slot]++;
        SiftDown(_heapPos[slot]);
        return true;
    }

    /// <summary>
    /// Counts one occurrence of an unmonitored item. Returns true when it entered the list, in which case the caller
    /// passes its text through <see cref="SetText"/> (so text is only built for the rare item that enters).
    /// </summary>
    public bool Admit(ulong key, out int slot)
    {
        slot = -1;
        if (_size < _capacity)
        {
            slot = _size;
            Place(slot, key, 1, 0);
            _heap[_size] = slot;
            _heapPos[slot] = _size;
            _size++;
            SiftUp(_size - 1);
            return true;
        }
        ref var bucket = ref _filter[(int)(key & (ulong)(_filter.Length - 1))];
        var min = _counts[_heap[0]];
        if (bucket + 1 < min)
        {
            bucket++;
            return false;
        }
        // Replace the minimum; its count moves into its own filter bucket so it can come back with that history.
        slot = _heap[0];
        var evicted = _keys[slot];
        _filter[(int)(evicted & (ulong)(_filter.Length - 1))] = Math.Max(_filter[(int)(evicted & (ulong)(_filter.Length - 1))], _counts[slot]);
        _index.Remove(evicted);
        var estimate = bucket + 1;
        Place(slot, key, estimate, bucket);
        SiftDown(0);
        return true;
    }

    public void SetText(int slot, string text) => _texts[slot] = text;

    /// <summary>Counts one occurrence of an item whose text is at hand (openers, emoji: a few per message).</summary>
    public void Add(ulong key, ReadOnlySpan<char> text)
    {
        if (TryIncrement(key)) return;
        if (Admit(key, out var slot)) SetText(slot, new string(text));
    }

    /// <summary>The monitored items, highest count first.</summary>
    public SketchEntry[] Entries()
    {
        var result = new SketchEntry[_size];
        for (var i = 0; i < _size; i++)
            result[i] = new SketchEntry(_texts[i], _keys[i], _counts[i], _errors[i]);
        // A total order, so a stored and reloaded sketch serialises byte for byte the same.
        Array.Sort(result, static (a, b) =>
            b.Count != a.Count ? b.Count.CompareTo(a.Count)
            : b.GuaranteedCount != a.GuaranteedCount ? b.GuaranteedCount.CompareTo(a.GuaranteedCount)
            : string.CompareOrdinal(a.Text, b.Text));
        return result;
    }

    /// <summary>
    /// Adds another sketch of the same shape (a disjoint stream) into this one: the mergeable summary of Space-Saving
    /// (Agarwal et al. 2012; Cafaro et al. 2016), extended to the filter. For every key either sketch knows, each side
    /// contributes an upper bound of its true count (its count when monitored, else its filter bucket, which bounds any
    /// unmonitored key of that bucket) and a lower bound (count − error when monitored, else 0); the merged entry's
    /// count is the sum of the upper bounds and its error the gap to the sum of the lower bounds. The filters add
    /// bucket by bucket. The <see cref="Capacity"/> highest counts are kept; a dropped entry's count goes into its
    /// bucket, as an eviction does.
    /// </summary>
    /// <remarks>
    /// Error bound, as for one stream: every kept entry satisfies Count − Error ≤ true count ≤ Count, and an unmonitored
    /// key's true count is at most its filter bucket. A single sketch's errors and buckets never exceed its smallest
    /// monitored count (0 until it fills), so a merged entry's Error is at most the sum of the two inputs' smallest
    /// counts. When neither input nor the union of their keys overflowed (filters all zero, at most Capacity keys), the
    /// merge equals counting both streams in one sketch exactly.
    /// </remarks>
    public void Merge(SpaceSavingSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("A sketch cannot be merged with itself.", nameof(other));
        if (other._capacity != _capacity || other._filter.Length != _filter.Length)
            throw new ArgumentException($"Sketches of different shapes ({_capacity}/{_filter.Length} and {other._capacity}/{other._filter.Length}) cannot be merged.", nameof(other));

        var mask = (ulong)(_filter.Length - 1);
        var merged = new List<SketchEntry>(_size + other._size);
        for (var slot = 0; slot < _size; slot++)
        {
            var key = _keys[slot];
            var (upper, lower) = other.Bounds(key, mask);
            merged.Add(new SketchEntry(_texts[slot], key, _counts[slot] + upper, _errors[slot] + (upper - lower)));
        }
        for (var slot = 0; slot < other._size; slot++)
        {
            var key = other._keys[slot];
            if (_index.ContainsKey(key)) continue;
            var upper = _filter[(int)(key & mask)];
            merged.Add(new SketchEntry(other._texts[slot], key, other._counts[slot] + upper, other._errors[slot] + upper));
        }
        for (var b = 0; b < _filter.Length; b++) _filter[b] += other._filter[b];

        merged.Sort(static (a, b) =>
            b.Count != a.Count ? b.Count.CompareTo(a.Count)
            : b.GuaranteedCount != a.GuaranteedCount ? b.GuaranteedCount.CompareTo(a.GuaranteedCount)
            : string.CompareOrdinal(a.Text, b.Text) is var t && t != 0 ? t
            : a.Key.CompareTo(b.Key));
        for (var i = _capacity; i < merged.Count; i++)
        {
            ref var bucket = ref _filter[(int)(merged[i].Key & mask)];
            bucket = Math.Max(bucket, merged[i].Count);
        }

        _index.Clear();
        _size = 0;
        foreach (var e in merged.Take(_capacity))
        {
            var slot = _size;
            Place(slot, e.Key, e.Count, e.Error);
            _texts[slot] = e.Text;
            _heap[_size] = slot;
            _heapPos[slot] = _size;
            _size++;
            SiftUp(_size - 1);
        }
    }

    /// <summary>This sketch's upper and lower bounds of a key's true count.</summary>
    private (long Upper, long Lower) Bounds(ulong key, ulong mask) =>
        _index.TryGetValue(key, out var slot)
            ? (_counts[slot], _counts[slot] - _errors[slot])
            : (_filter[(int)(key & mask)], 0);

    /// <summary>Restores a stored sketch (entries in any order, the filter as stored).</summary>
    public void Load(IEnumerable<SketchEntry> entries, ReadOnlySpan<long> filter)
    {
        foreach (var e in entries)
        {
            if (_size == _capacity) break;
            if (_index.ContainsKey(e.Key)) continue;
            var slot = _size;
            Place(slot, e.Key, Math.Max(1, e.Count), Math.Clamp(e.Error, 0, Math.Max(1, e.Count)));
            _texts[slot] = e.Text;
            _heap[_size] = slot;
            _heapPos[slot] = _size;
            _size++;
            SiftUp(_size - 1);
        }
        if (filter.Length == _filter.Length)
        {
            filter.CopyTo(_filter);
        }
        else if (filter.Length > _filter.Length && filter.Length % _filter.Length == 0)
        {
            // A larger stored filter (an older, bigger layout): bucket b holds keys with b's low bits, so fold by them,
            // keeping the largest count (a filter counter is an estimate of an evicted item's count, not a sum).
            for (var b = 0; b < filter.Length; b++)
            {
                ref var into = ref _filter[b & (_filter.Length - 1)];
                into = Math.Max(into, filter[b]);
            }
        }
    }

    private void Place(int slot, ulong key, long count, long error)
    {
        _keys[slot] = key;
        _counts[slot] = count;
        _errors[slot] = error;
        _index[key] = slot;
    }

    private void SiftUp(int pos)
    {
        while (pos > 0)
        {
            var parent = (pos - 1) >> 1;
            if (_counts[_heap[parent]] <= _counts[_heap[pos]]) break;
            Swap(pos, parent);
            pos = parent;
        }
    }

    private void SiftDown(int pos)
    {
        while (true)
        {
            var left = 2 * pos + 1;
            if (left >= _size) return;
            var smallest = left;
            var right = left + 1;
            if (right < _size && _counts[_heap[right]] < _counts[_heap[left]]) smallest = right;
            if (_counts[_heap[pos]] <= _counts[_heap[smallest]]) return;
            Swap(pos, smallest);
            pos = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_heap[a], _heap[b]) = (_heap[b], _heap[a]);
        _heapPos[_heap[a]] = a;
        _heapPos[_heap[b]] = b;
    }
}
