using System.Globalization;

namespace MentorFunctions.Core.Storage;

/// <summary>Key helpers shared by the repositories, so every table orders and escapes keys the same way.</summary>
public static class TableKeys
{
    /// <summary>A Zulip user or message id as a row key that sorts numerically (20 digits, zero-padded).</summary>
    public static string Id(long id) => id.ToString("D20", CultureInfo.InvariantCulture);

    /// <summary>A bot email as a partition key: lower-cased; '/', '\', '#', '?' and control characters are not allowed in keys.</summary>
    public static string Bot(string botEmail)
    {
        var lowered = botEmail.Trim().ToLowerInvariant();
        foreach (var c in lowered)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
                throw new ArgumentException("A bot email cannot hold '/', '\\', '#', '?' or control characters.", nameof(botEmail));
        }
        return lowered;
    }
}
