using MentorFunctions.Core.Conversations;

namespace MentorFunctions.Core.Style;

/// <summary>
/// Per mentor–student pair: which message ids were already counted (bounded) and when the student's latest unanswered
/// message was sent, so a mentor's reply can be timed. Stored with the pair's profile, in the same transaction.
/// </summary>
/// <remarks>
/// A reply latency is the time from the student's most recent message before the mentor's answer to that answer —
/// what a reader of the conversation sees, and what the planner reproduces (it counts from the burst's latest
/// message). Timing from the first unanswered message instead made a mentor look slower the longer a student's burst
/// lasted, and needed a guess at when a wait was abandoned.
/// </remarks>
public sealed class PairLedger
{
    public const int RecentCapacity = 512;

    private readonly List<long> _recent = new(16); // ascending

    /// <summary>The student's latest message the mentor has not answered yet; null when nobody is waiting.</summary>
    public DateTimeOffset? LatestUnansweredAt { get; set; }
    public long LatestUnansweredId { get; set; }
    public DateTimeOffset? LastMentorAt { get; set; }

    public IReadOnlyList<long> RecentIds => _recent;

    /// <summary>
    /// Marks a message id as counted. False when it was counted before — or when the window is full and the id is older
    /// than all it holds: such a late arrival cannot be told apart from a re-send, and counting twice is the worse error.
    /// </summary>
    public bool TryMarkCounted(long messageId)
    {
        var at = _recent.BinarySearch(messageId);
        if (at >= 0) return false;
        at = ~at;
        if (_recent.Count >= RecentCapacity)
        {
            if (at == 0) return false;
            _recent.RemoveAt(0);
            at--;
        }
        _recent.Insert(at, messageId);
        return true;
    }

    public void LoadRecent(IEnumerable<long> ids)
    {
        _recent.Clear();
        _recent.AddRange(ids);
        _recent.Sort();
        for (var i = _recent.Count - 1; i > 0; i--)
            if (_recent[i] == _recent[i - 1]) _recent.RemoveAt(i);
        if (_recent.Count > RecentCapacity) _recent.RemoveRange(0, _recent.Count - RecentCapacity);
    }

    /// <summary>
    /// Adds another ledger of the same pair (messages learned elsewhere, e.g. an imported history): the counted ids are
    /// united (the newest <see cref="RecentCapacity"/> kept), the mentor's last message is the later one, and a student
    /// is still waiting only when their latest message came after it.
    /// </summary>
    public void Merge(PairLedger other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("A ledger cannot be merged with itself.", nameof(other));
        LoadRecent(_recent.Concat(other._recent).ToArray());
        if (other.LastMentorAt is { } theirs && (LastMentorAt is null || theirs > LastMentorAt)) LastMentorAt = theirs;
        if (other.LatestUnansweredAt is { } waiting && (LatestUnansweredAt is null || waiting > LatestUnansweredAt))
        {
            LatestUnansweredAt = waiting;
            LatestUnansweredId = other.LatestUnansweredId;
        }
        if (LatestUnansweredAt is { } latest && LastMentorAt is { } mentor && latest <= mentor)
        {
            LatestUnansweredAt = null;
            LatestUnansweredId = 0;
        }
    }

    /// <summary>
    /// A student message moves the wait to itself when it is the latest one the mentor has not answered; a message the
    /// mentor had already answered (it arrived out of order) changes nothing.
    /// </summary>
    public void OnStudentMessage(ConversationMessage message)
    {
        if (LastMentorAt is { } mentor && message.SentAt <= mentor) return;
        if (LatestUnansweredAt is { } waiting && message.SentAt < waiting) return;
        LatestUnansweredAt = message.SentAt;
        LatestUnansweredId = message.MessageId;
    }

    /// <summary>
    /// The mentor spoke: returns the latency when a student was waiting, and ends the wait. A gap longer than
    /// <paramref name="maxLatency"/> ends the wait without a latency: an answer a day later resumes a conversation
    /// rather than replies to it, and would teach the stand-in to wait for days.
    /// </summary>
    public TimeSpan? OnMentorMessage(ConversationMessage message, TimeSpan? maxLatency = null)
    {
        if (LastMentorAt is null || message.SentAt > LastMentorAt) LastMentorAt = message.SentAt;
        if (LatestUnansweredAt is not { } waiting || message.SentAt < waiting) return null;
        LatestUnansweredAt = null;
        LatestUnansweredId = 0;
        var latency = message.SentAt - waiting;
        return maxLatency is { } cap && latency > cap ? null : latency;
    }
}
