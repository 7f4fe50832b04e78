using System.Buffers.Binary;

namespace MentorFunctions.Core.Storage;

/// <summary>
/// Numeric arrays of the stored profile as compact bytes (base64 in the JSON document): unsigned LEB128 varints for
/// counts (most are small or zero, so a 1,024-counter filter or a 455-word table costs a few hundred bytes, not kilobytes
/// of decimal digits) and raw little-endian floats. Parsing bytes is also far cheaper than parsing JSON numbers.
/// </summary>
internal static class PackedArrays
{
    public static byte[] Counts(ReadOnlySpan<long> values)
    {
        Span<byte> buffer = values.Length <= 512 ? stackalloc byte[values.Length * 10] : new byte[values.Length * 10];
        var at = 0;
        foreach (var v in values) at = WriteVarint(buffer, at, (ulong)Math.Max(0, v));
        return buffer[..at].ToArray();
    }

    /// <summary>Reads counts written by <see cref="Counts"/> into <paramref name="into"/> (extra values are ignored).</summary>
    public static void ReadCounts(ReadOnlySpan<byte> data, Span<long> into, string what)
    {
        var at = 0;
        for (var i = 0; at < data.Length; i++)
        {
            var v = ReadVarint(data, ref at, what);
            if (i < into.Length) into[i] = (long)Math.Min(v, long.MaxValue);
        }
    }

    /// <summary>Sparse counts: (gap to the previous non-zero index, value) pairs, for tables that are mostly zero.</summary>
    public static byte[] SparseCounts(ReadOnlySpan<long> values)
    {
        var buffer = new byte[20 * values.Length];
        var at = 0;
        var previous = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] <= 0) continue;
            at = WriteVarint(buffer, at, (ulong)(i - previous - 1));
            at = WriteVarint(buffer, at, (ulong)values[i]);
            previous = i;
        }
        return buffer.AsSpan(0, at).ToArray();
    }

    public static void ReadSparseCounts(ReadOnlySpan<byte> data, Span<long> into, string what)
    {
        var at = 0;
        var index = -1;
        while (at < data.Length)
        {
            index += (int)Math.Min(ReadVarint(data, ref at, what), int.MaxValue - 1) + 1;
            var v = ReadVarint(data, ref at, what);
            if (index >= 0 && index < into.Length) into[index] = (long)Math.Min(v, long.MaxValue);
        }
    }

    public static byte[] Floats(ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }

    public static void ReadFloats(ReadOnlySpan<byte> data, Span<float> into)
    {
        for (var i = 0; i < into.Length && (i + 1) * 4 <= data.Length; i++)
            into[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(i * 4)..]);
    }

    public static byte[] Doubles(ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), values[i]);
        return bytes;
    }

    public static void ReadDoubles(ReadOnlySpan<byte> data, Span<double> into)
    {
        for (var i = 0; i < into.Length && (i + 1) * 8 <= data.Length; i++)
            into[i] = BinaryPrimitives.ReadDoubleLittleEndian(data[(i * 8)..]);
    }

    private static int WriteVarint(Span<byte> buffer, int at, ulong v)
    {
        while (v >= 0x80)
        {
            buffer[at++] = (byte)(v | 0x80);
            v >>= 7;
        }
        buffer[at++] = (byte)v;
        return at;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int at, string what)
    {
        ulong v = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= data.Length) throw new ProfileFormatException($"Stored {what} end inside a number.");
            var b = data[at++];
            v |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return v;
        }
        throw new ProfileFormatException($"Stored {what} hold a number longer than 64 bits.");
    }
}
