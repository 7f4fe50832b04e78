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
    public void Latency_runs_from_the_first_unanswered_student_message_to_the_mentor()
    {
        var ledger = new PairLedger();
        ledger.OnStudentMessage(Student(1, 0));
        ledger.OnStudentMessage(Student(2, 3)); // same wait
        Assert.Equal(TimeSpan.FromMinutes(12), ledger.OnMentorMessage(Mentor(3, 12)));
        Assert.Null(ledger.OnMentorMessage(Mentor(4, 14))); // nobody waiting
        ledger.OnStudentMessage(Student(5, 20));
        Assert.Equal(TimeSpan.FromMinutes(5), ledger.OnMentorMessage(Mentor(6, 25)));
    }

    [Fact]
    public void A_wait_left_to_the_stand_in_is_not_timed_into_the_mentors_answer_to_a_later_question()
    {
        var horizon = TimeSpan.FromHours(2);
        var ledger = new PairLedger();
        ledger.OnStudentMessage(Student(1, 0), horizon);     // the mentor never answers this one (the AI does)
        ledger.OnStudentMessage(Student(2, 90), horizon);    // within the horizon: still the same wait
        ledger.OnStudentMessage(Student(3, 24 * 60), horizon); // next day: a new question, a new wait
        Assert.Equal(TimeSpan.FromMinutes(6), ledger.OnMentorMessage(Mentor(4, 24 * 60 + 6)));
        // Arriving late, a message of an abandoned wait does not move the new wait back to it.
        var late = new PairLedger();
        late.OnStudentMessage(Student(12, 300), horizon);
        late.OnStudentMessage(Student(11, 0), horizon);
        Assert.Equal(TimeSpan.FromMinutes(3), late.OnMentorMessage(Mentor(13, 303)));
        // Without a horizon (the old behaviour) the abandoned wait would have been timed: a day-long "latency".
        var unbounded = new PairLedger();
        unbounded.OnStudentMessage(Student(1, 0));
        unbounded.OnStudentMessage(Student(3, 24 * 60));
        Assert.Equal(TimeSpan.FromMinutes(24 * 60 + 6), unbounded.OnMentorMessage(Mentor(4, 24 * 60 + 6)));
    }

    [Fact]
    public void Out_of_order_delivery_keeps_the_earliest_wait_and_ignores_answered_messages()
    {
        var ledger = new PairLedger();
        ledger.OnStudentMessage(Student(2, 5));
        ledger.OnStudentMessage(Student(1, 1)); // arrived late but was sent first
        Assert.Equal(TimeSpan.FromMinutes(9), ledger.OnMentorMessage(Mentor(3, 10)));
        ledger.OnStudentMessage(Student(0, 0)); // older than the mentor's answer: already answered
        Assert.Null(ledger.FirstUnansweredAt);
        // A mentor message older than the wait does not answer it.
        ledger.OnStudentMessage(Student(7, 30));
        Assert.Null(ledger.OnMentorMessage(Mentor(6, 20)));
        Assert.NotNull(ledger.FirstUnansweredAt);
    }
}
