namespace MentorFunctions.Core.Zulip;

/// <summary>Server limits the client respects.</summary>
public static class ZulipLimits
{
    /// <summary>Zulip's default <c>max_message_length</c> (characters); the server would cut anything longer.</summary>
    public const int DefaultMaxMessageLength = 10000;

    /// <summary>GET /messages returns at most this many per call.</summary>
    public const int MaxMessagesPerFetch = 5000;
}
