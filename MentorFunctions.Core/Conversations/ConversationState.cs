namespace MentorFunctions.Core.Conversations;

/// <summary>
/// The conversation workflow's whole memory between generations: small on purpose (ids, times, counters), as it is the
/// ContinueAsNew input. <paramref name="RecentMessageIds"/> holds the last few ids seen, ascending, to drop Zulip re-sends
/// without a step call. <paramref name="DeliverDue"/> means the reply's deadline passed and the next generation delivers it.
/// <paramref name="AwaitingMentor"/>: a distress alert went out, so the stand-in stays silent until the mentor writes.
/// </summary>
public sealed record ConversationState(
    ConversationKey Conversation,
    PendingReply? Pending = null,
    long[]? RecentMessageIds = null,
    long LastMentorMessageId = 0,
    bool DeliverDue = false,
    int RepliesPosted = 0,
    long Generation = 0,
    int Version = ConversationState.CurrentVersion,
    bool AwaitingMentor = false)
{
    public const int CurrentVersion = 1;

    /// <summary>How many recent ids are kept for dedup; Zulip re-sends arrive within seconds, so this is ample.</summary>
    public const int RecentIdsKept = 32;

    public static ConversationState Start(ConversationKey conversation) => new(conversation);

    public bool HasSeen(long messageId) => RecentMessageIds is { } ids && Array.BinarySearch(ids, messageId) >= 0;

    /// <summary>
    /// True when the id is older than everything the full recent-id window remembers: a message this old was handled
    /// long ago (a very late re-send), not a new one.
    /// </summary>
    public bool IsOlderThanWindow(long messageId) =>
        RecentMessageIds is { Length: RecentIdsKept } ids && messageId < ids[0];

    /// <summary>Adds an id, keeping the newest <see cref="RecentIdsKept"/> (ids increase server-wide).</summary>
    public long[] WithSeen(long messageId)
    {
        var ids = RecentMessageIds ?? [];
        var index = Array.BinarySearch(ids, messageId);
        if (index >= 0)
            return ids;
        var list = new List<long>(ids);
        list.Insert(~index, messageId);
        if (list.Count > RecentIdsKept)
            list.RemoveRange(0, list.Count - RecentIdsKept);
        return [.. list];
    }
}

/// <summary>The one reply owed to the current burst of student messages.</summary>
public sealed record PendingReply(
    long FirstMessageId,
    DateTimeOffset FirstMessageAt,
    long LatestMessageId,
    DateTimeOffset LatestMessageAt,
    int MessagesInBurst,
    double Urgency,
    DateTimeOffset DueAt,
    DateTimeOffset NotAfter,
    double DelaySeconds,
    bool Distress = false);
