using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Style;

namespace MentorFunctions.Tests.Style;

public sealed class PairLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static ConversationMessage Student(long id, double minutes) => new(id, 2, ParticipantRole.Student, T0.AddMinutes(minutes), "q");
    private static ConversationMessage Mentor(long id, double minutes) => new(id, 1, ParticipantRole.Mentor, T0.AddMinutes(minutes), "a");

    [Fact]
    public void Counts_an_id_once_even_out_of_order()
    {
        var ledger = new PairLedger();
        Assert.True(ledger.TryMarkCounted(10));
        Assert.True(ledger.TryMarkCounted(5));
        Assert.False(ledger.TryMarkCounted(10));
        Assert.False(ledger.TryMarkCounted(5));
        Assert.True(ledger.TryMarkCounted(7));
    }

    [Fact]
    public void Keeps_a_bounded_window_and_refuses_ids_older_than_it()
    {
        var ledger = new PairLedger();
        for (long id = 1000; id < 1000 + PairLedger.RecentCapacity + 100; id++) Assert.True(ledger.TryMarkCounted(id));
        Assert.Equal(PairLedger.RecentCapacity, ledger.RecentIds.Count);
        Assert.False(ledger.TryMarkCounted(1000)); // fell out of the window: never counted twice
        Assert.False(ledger.TryMarkCounted(1050));
        Assert.True(ledger.TryMarkCounted(5000));
    }

    [Fact]
    public void Latency_runs_from_the_latest_unanswered_student_message_to_the_mentor()
    {
        var ledger = new PairLedger();
        ledger.OnStudentMessage(Student(1, 0));
        ledger.OnStudentMessage(Student(2, 3)); // the student wrote again: the mentor answers this one
        Assert.Equal(TimeSpan.FromMinutes(9), ledger.OnMentorMessage(Mentor(3, 12)));
        Assert.Null(ledger.OnMentorMessage(Mentor(4, 14))); // nobody waiting
        ledger.OnStudentMessage(Student(5, 20));
        Assert.Equal(TimeSpan.FromMinutes(5), ledger.OnMentorMessage(Mentor(6, 25)));
    }

    [Fact]
    public void A_gap_longer_than_the_cap_ends_the_wait_without_teaching_a_latency()
    {
        var cap = TimeSpan.FromHours(24);
        var ledger = new PairLedger();
        ledger.OnStudentMessage(Student(1, 0));
        // Two days later the mentor resumes the conversation: not a reply latency, and nobody is waiting after it.
        Assert.Null(ledger.OnMentorMessage(Mentor(2, 48 * 60), cap));
        Assert.Null(ledger.LatestUnansweredAt);
        ledger.OnStudentMessage(Student(3, 48 * 60 + 1));
        Assert.Equal(TimeSpan.FromMinutes(6), ledger.OnMentorMessage(Mentor(4, 48 * 60 + 7), cap));
        // Without a cap the same gap is a latency.
        var uncapped = new PairLedger();
        uncapped.OnStudentMessage(Student(1, 0));
        Assert.Equal(TimeSpan.FromHours(48), uncapped.OnMentorMessage(Mentor(2, 48 * 60)));
    }

    [Fact]
    public void Out_of_order_delivery_keeps_the_latest_wait_and_ignores_answered_messages()
    {
        var ledger = new PairLedger();
        ledger.OnStudentMessage(Student(2, 5));
        ledger.OnStudentMessage(Student(1, 1)); // arrived late but was sent first: the wait stays at the later one
        Assert.Equal(TimeSpan.FromMinutes(5), ledger.OnMentorMessage(Mentor(3, 10)));
        ledger.OnStudentMessage(Student(0, 0)); // older than the mentor's answer: already answered
        Assert.Null(ledger.LatestUnansweredAt);
        // A mentor message older than the wait does not answer it.
        ledger.OnStudentMessage(Student(7, 30));
        Assert.Null(ledger.OnMentorMessage(Mentor(6, 20)));
        Assert.NotNull(ledger.LatestUnansweredAt);
    }
}
