using MentorFunctions.Core.Conversations;

namespace MentorFunctions.Core.Storage;

/// <summary>
/// Range queries over tables partitioned by conversation instance id ("conv-{bot hash}-{mentor}-{student}"):
/// one bot's conversations, or one mentor's, are a contiguous partition-key range.
/// </summary>
public static class ConversationPartitions
{
    /// <summary>[from, to) covering every conversation of a bot, or of one mentor of that bot.</summary>
    public static (string From, string To) Range(string botEmail, long? mentorId = null)
    {
        // '.' sorts right after '-', so "prefix-" .. "prefix." is exactly the keys that start with "prefix-".
        var prefix = mentorId is { } m ? $"conv-{ConversationKey.BotHash(botEmail)}-{m}" : $"conv-{ConversationKey.BotHash(botEmail)}";
        return (prefix + "-", prefix + ".");
    }

    /// <summary>Whether a conversation partition key names this user as its mentor or its student.</summary>
    public static bool Involves(string partitionKey, long userId)
    {
        var parts = partitionKey.Split('-');
        return parts.Length == 4 && (parts[2] == userId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                                     || parts[3] == userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
