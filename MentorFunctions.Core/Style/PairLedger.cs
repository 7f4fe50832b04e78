using MentorFunctions.Core.Conversations;

namespace MentorFunctions.Core.Style;

/// <summary>
/// Per mentor–student pair: which message ids were already counted (bounded) and when the student's first unanswered
/// message was sent, so a mentor's reply can be timed. Stored with the pair's profile, in the same transaction.
/// </summary>
public sealed class PairLedger
{
    public const int RecentCapacity = 512;

    private readonly List<long> _recent = new(16); // ascending

    public DateTimeOffset? FirstUnansweredAt { get; set; }
    public long FirstUnansweredId { get; set; }
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
    /// A student message starts (or, when it arrived out of order and is earlier, moves back) the wait — unless the
    /// mentor had already spoken after it. A message sent more than <paramref name="abandonedAfter"/> after the wait
    /// began starts a new wait: the mentor left the earlier one to the stand-in, and their eventual answer replies to
    /// the new message, so timing it from the old one would teach a latency of hours or days.
    /// </summary>
    public void OnStudentMessage(ConversationMessage message, TimeSpan? abandonedAfter = null)
    {
        if (LastMentorAt is { } mentor && message.SentAt <= mentor) return;
        var horizon = abandonedAfter ?? TimeSpan.MaxValue;
        if (FirstUnansweredAt is not { } waiting
            || message.SentAt - waiting > horizon
            || (message.SentAt < waiting && waiting - message.SentAt <= horizon))
        {
            FirstUnansweredAt = message.SentAt;
            FirstUnansweredId = message.MessageId;
        }
    }

    /// <summary>The mentor spoke: returns the latency when a student was waiting, and ends the wait.</summary>
    public TimeSpan? OnMentorMessage(ConversationMessage message)
    {
        if (LastMentorAt is null || message.SentAt > LastMentorAt) LastMentorAt = message.SentAt;
        if (FirstUnansweredAt is not { } waiting || message.SentAt < waiting) return null;
        FirstUnansweredAt = null;
        FirstUnansweredId = 0;
        return message.SentAt - waiting;
    }
}
