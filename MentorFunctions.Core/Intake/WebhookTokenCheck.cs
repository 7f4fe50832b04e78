using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace MentorFunctions.Core.Intake;

/// <summary>Compares webhook tokens without leaking, through timing, how much of a guess was right.</summary>
internal static class WebhookTokenCheck
{
    /// <summary>
    /// True when both tokens are the same non-empty string. Both are hashed first so the fixed-time comparison always
    /// runs over 32 bytes: a length mismatch cannot end it early, and the time spent depends only on the lengths.
    /// </summary>
    public static bool Matches(string expected, string actual)
    {
        Span<byte> expectedHash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> actualHash = stackalloc byte[SHA256.HashSizeInBytes];
        HashUtf8(expected, expectedHash);
        HashUtf8(actual, actualHash);
        var equal = CryptographicOperations.FixedTimeEquals(expectedHash, actualHash);
        // An empty configured token is a misconfiguration and must never let a request in.
        return equal & expected.Length > 0;
    }

    private static void HashUtf8(string value, Span<byte> hash)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(max));
        var length = Encoding.UTF8.GetBytes(value, buffer);
        SHA256.HashData(buffer[..length], hash);
        CryptographicOperations.ZeroMemory(buffer[..length]);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
    }
}
