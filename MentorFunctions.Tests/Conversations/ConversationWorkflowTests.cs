using MentorFunctions.Testing.Conversations;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Timing;
using Xunit.Abstractions;

namespace MentorFunctions.Tests.Conversations;

public sealed class ConversationWorkflowTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_student_message_gets_one_reply_at_the_planned_time()
    {
        var s = new ConversationScenario();
        var message = s.Student();
        await s.SendAsync(message);

        var pending = Assert.IsType<PendingReply>(s.State.Pending);
        Assert.Empty(s.Steps.Deliveries);
        Assert.Equal(1, s.Host.PendingTimerCount);

        await s.Host.AdvanceAsync(TimeSpan.FromHours(1));

        var delivery = Assert.Single(s.Steps.Deliveries);
        Assert.Equal(message.MessageId, delivery.Input.ReplyId);
        Assert.Equal(pending.DueAt, delivery.At);
        Assert.InRange(pending.DelaySeconds, s.Options.MinDelay.TotalSeconds, s.Options.MaxDelay.TotalSeconds);
        Assert.Equal(0, s.Host.PendingTimerCount);

        // The state is the generation's input, so the outcome shows once the next message starts a generation.
        await s.SendAsync(s.Mentor());
        Assert.Null(s.State.Pending);
        Assert.Equal(1, s.State.RepliesPosted);
    }

    [Fact]
    public async Task The_mentor_answering_during_the_wait_stands_the_reply_down()
    {
        var s = new ConversationScenario();
        await s.SendAsync(s.Student());
        var due = s.State.Pending!.DueAt;

        await s.Host.AdvanceAsync((due - s.Host.UtcNow) / 2);
        await s.SendAsync(s.Mentor());

        Assert.Null(s.State.Pending);
        Assert.Equal(0, s.Host.PendingTimerCount); // the timer was cancelled, not left to fire
        await s.Host.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Empty(s.Steps.Deliveries);
        Assert.Equal(0, s.Steps.DeliverCalls);
        Assert.Equal(2, s.Steps.Recorded.Count);
    }

    [Fact]
    public async Task A_burst_of_five_student_messages_gets_one_reply_within_the_bursts_limit()
    {
        var s = new ConversationScenario();
        var first = s.Student("hi");
        await s.SendAsync(first);
        var notAfter = s.State.Pending!.NotAfter;
        for (var i = 0; i < 4; i++)
        {
            await s.Host.AdvanceAsync(TimeSpan.FromSeconds(15));
            await s.SendAsync(s.Student($"more detail {i}"));
        }

        var pending = s.State.Pending!;
        Assert.Equal(5, pending.MessagesInBurst);
        Assert.Equal(first.MessageId, pending.FirstMessageId);
        Assert.Equal(notAfter, pending.NotAfter);
        Assert.True(pending.DueAt <= pending.NotAfter);
        Assert.Equal(5, s.Steps.Plans.Count);

        await s.Host.AdvanceAsync(TimeSpan.FromHours(1));
        var delivery = Assert.Single(s.Steps.Deliveries);
        Assert.Equal(first.MessageId, delivery.Input.FirstMessageId);
        Assert.Equal(first.MessageId + 4, delivery.Input.LatestMessageId);
    }

    [Fact]
    public async Task The_same_message_delivered_four_times_is_recorded_once_and_answered_once()
    {
        var s = new ConversationScenario();
        var message = s.Student();
        for (var i = 0; i < 4; i++)
            await s.SendAsync(message);

        Assert.Equal(1, s.Steps.RecordCalls);
        Assert.Equal([message.MessageId], s.Steps.Recorded);
        Assert.Single(s.Steps.Plans);

        await s.Host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(s.Steps.Deliveries);
        Assert.Equal(0, s.Host.QueuedEventCount(s.InstanceId));
    }

    [Fact]
    public async Task A_repeat_beyond_the_recent_window_is_caught_by_the_record_step()
    {
        var s = new ConversationScenario();
        var old = s.Student();
        await s.SendAsync(old);
        await s.Host.AdvanceAsync(TimeSpan.FromHours(1));
        for (var i = 0; i < ConversationState.RecentIdsKept; i++)
            await s.SendAsync(s.Mentor());
        Assert.False(s.State.HasSeen(old.MessageId));

        await s.SendAsync(old);

        Assert.Null(s.State.Pending);
        await s.Host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(s.Steps.Deliveries);
    }

    [Fact]
    public async Task Late_deliveries_are_judged_by_message_order()
    {
        var s = new ConversationScenario();
        var early = s.Mentor(id: 500);     // written before the student's question, delivered after it
        await s.SendAsync(s.Student(id: 600));
        await s.SendAsync(early);
        Assert.NotNull(s.State.Pending);   // an older mentor message does not answer a newer question

        await s.SendAsync(s.Mentor(id: 700));
        Assert.Null(s.State.Pending);
        await s.SendAsync(s.Student(id: 650)); // older than the mentor's answer: nothing is owed
        Assert.Null(s.State.Pending);

        await s.Host.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Empty(s.Steps.Deliveries);
        Assert.Equal(4, s.Steps.Recorded.Count);
    }

    [Fact]
    public async Task Quiet_hours_move_the_reply_to_the_morning()
    {
        var options = new TimingOptions { QuietHours = { Enabled = true, StartHourUtc = 22, EndHourUtc = 7 } };
        var lateEvening = new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero);
        var s = new ConversationScenario(options, start: lateEvening);
        await s.SendAsync(s.Student());

        await s.Host.AdvanceAsync(TimeSpan.FromDays(1));

        var delivery = Assert.Single(s.Steps.Deliveries);
        Assert.True(delivery.At >= new DateTimeOffset(2026, 3, 3, 7, 0, 0, TimeSpan.Zero), $"posted at {delivery.At:O}");
        Assert.True(delivery.At < new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), $"posted at {delivery.At:O}");
    }

    [Fact]
    public async Task An_urgent_message_is_answered_sooner_than_a_calm_one()
    {
        var calm = new ConversationScenario();
        var urgent = new ConversationScenario();
        await calm.SendAsync(calm.Student("When you get a chance, could you look at my notes? No rush."));
        await urgent.SendAsync(urgent.Student("URGENT: my exam submission is due in an hour and the build is broken!!"));

        var calmDelay = calm.State.Pending!.DelaySeconds;
        var urgentDelay = urgent.State.Pending!.DelaySeconds;
        output.WriteLine($"calm {calmDelay:F0} s, urgent {urgentDelay:F0} s");
        Assert.True(urgentDelay < calmDelay * 0.5, $"urgent {urgentDelay:F0} s vs calm {calmDelay:F0} s");
    }

    [Fact]
    public async Task A_month_idle_holds_no_timer_and_takes_no_action()
    {
        var s = new ConversationScenario();
        await s.SendAsync(s.Student());
        await s.Host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(s.Steps.Deliveries);
        var before = s.Host.GetCounts(s.InstanceId);

        await s.Host.AdvanceAsync(TimeSpan.FromDays(30));

        Assert.Equal(0, s.Host.PendingTimerCount);
        Assert.Null(s.Host.NextTimerAt);
        Assert.Equal(VirtualInstanceStatus.Waiting, s.Host.GetStatus(s.InstanceId));
        Assert.Equal(before, s.Host.GetCounts(s.InstanceId));

        await s.SendAsync(s.Student("back again"));
        await s.Host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal(2, s.Steps.Deliveries.Count);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_wait_resumes_from_history_and_replies_once()
    {
        var s = new ConversationScenario();
        await s.SendAsync(s.Student());
        await s.Host.AdvanceAsync(TimeSpan.FromSeconds(5));
        await s.SendAsync(s.Student("one more thing"));
        var due = s.State.Pending!.DueAt;
        var oldHost = s.Host;

        s.Restart();

        Assert.NotSame(oldHost, s.Host);
        Assert.Equal(due, s.Host.NextTimerAt);
        await s.Host.AdvanceAsync(TimeSpan.FromHours(1));
        var delivery = Assert.Single(s.Steps.Deliveries);
        Assert.Equal(due, delivery.At);
        Assert.Equal(2, s.Steps.RecordCalls);
        Assert.Equal(1, s.Steps.DeliverCalls);
        await s.SendAsync(s.Mentor());
        Assert.Equal(1, s.State.RepliesPosted);
    }

    [Fact]
    public async Task Transient_step_failures_are_retried_honouring_retry_after()
    {
        var s = new ConversationScenario();
        s.Steps.Failures[StepNames.DeliverReply] = new Queue<Exception>(
            [new TransientStepException("429", TimeSpan.FromSeconds(90)), new TransientStepException("503")]);
        await s.SendAsync(s.Student());
        var due = s.State.Pending!.DueAt;

        await s.Host.AdvanceAsync(TimeSpan.FromHours(1));

        var delivery = Assert.Single(s.Steps.Deliveries);
        Assert.Equal(3, s.Steps.DeliverCalls);
        // 90 s (the server's hint beats the 5 s first backoff), then 10 s (second backoff).
        Assert.Equal(due + TimeSpan.FromSeconds(100), delivery.At);
        Assert.Equal(0, s.Host.PendingTimerCount);
    }

    [Fact]
    public async Task A_step_that_keeps_failing_ends_the_burst_but_not_the_conversation()
    {
        var retry = new StepRetryPolicy(3, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(10));
        var s = new ConversationScenario(retry: retry);
        s.Steps.Failures[StepNames.DeliverReply] = new Queue<Exception>(Enumerable.Range(0, 3).Select(_ => new TransientStepException("down")));
        await s.SendAsync(s.Student());
        await s.Host.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal(3, s.Steps.DeliverCalls);
        Assert.Empty(s.Steps.Deliveries);
        Assert.Equal(0, s.Host.PendingTimerCount);
        Assert.Equal(VirtualInstanceStatus.Waiting, s.Host.GetStatus(s.InstanceId));

        await s.SendAsync(s.Student("hello?"));
        await s.Host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(s.Steps.Deliveries);
    }

    [Fact]
    public async Task A_record_step_that_fails_for_good_still_gets_the_student_answered_through_the_plan_step()
    {
        var s = new ConversationScenario();
        s.Steps.Failures[StepNames.RecordMessage] = new Queue<Exception>([new InvalidOperationException("table gone")]);
        await s.SendAsync(s.Student());

        // Recording (and with it the combined plan) failed; the workflow planned apart, once.
        Assert.Equal(1, s.Steps.PlanCalls);
        Assert.NotNull(s.State.Pending);
        await s.Host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(s.Steps.Deliveries);

        // The next student message is planned inside its record step again.
        await s.SendAsync(s.Student("one more thing"));
        Assert.Equal(1, s.Steps.PlanCalls);
        Assert.Equal(2, s.Steps.Plans.Count);
    }

    [Fact]
    public async Task Messages_arriving_while_a_step_waits_to_retry_stay_queued_and_are_processed()
    {
        var s = new ConversationScenario();
        s.Steps.Failures[StepNames.RecordMessage] = new Queue<Exception>([new TransientStepException("timeout")]);
        await s.SendAsync(s.Student());
        Assert.Equal(VirtualInstanceStatus.RetryPending, s.Host.GetStatus(s.InstanceId));

        await s.SendAsync(s.Mentor());
        Assert.Equal(1, s.Host.QueuedEventCount(s.InstanceId));

        await s.Host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal(0, s.Host.QueuedEventCount(s.InstanceId));
        Assert.Equal(2, s.Steps.Recorded.Count);
        Assert.Empty(s.Steps.Deliveries); // the queued mentor message still stood the reply down
    }

    [Fact]
    public async Task Durable_actions_per_student_message_stay_small()
    {
        var s = new ConversationScenario();
        var perMessage = new List<int>();
        var previous = s.Host.Exists(s.InstanceId) ? s.Host.GetCounts(s.InstanceId).Total : 0;
        var rng = new Random(7); // fixed seed: the scenario is the same on every run
        var studentMessages = 0;
        for (var i = 0; i < 40; i++)
        {
            await s.SendAsync(s.Student($"question {i}"));
            studentMessages++;
            if (rng.NextDouble() < 0.3)
            {
                await s.Host.AdvanceAsync(TimeSpan.FromSeconds(20));
                await s.SendAsync(s.Student("follow-up"));
                studentMessages++;
            }
            if (rng.NextDouble() < 0.3)
            {
                await s.Host.AdvanceAsync(TimeSpan.FromSeconds(30));
                await s.SendAsync(s.Mentor());
            }
            await s.Host.AdvanceAsync(TimeSpan.FromHours(2));
            var total = s.Host.GetCounts(s.InstanceId).Total;
            perMessage.Add(total - previous);
            previous = total;
        }

        var counts = s.Host.GetCounts(s.InstanceId);
        output.WriteLine($"actions: {counts} over {s.Steps.Recorded.Count} messages, {s.Steps.Deliveries.Count} replies");
        output.WriteLine($"actions per exchange: min {perMessage.Min()}, max {perMessage.Max()}, mean {perMessage.Average():F1}");
        output.WriteLine($"per student message: {(double)counts.Total / studentMessages:F2} counted, " +
            $"{(double)(counts.StepCalls + counts.Timers + counts.ContinueAsNews) / studentMessages:F2} Durable history actions ({studentMessages} student messages)");

        // A lone student message, from idle back to idle: wait, record+plan, wait+timer, CAN | deliver, wait.
        // The first wait belongs to the idle time before it, so 6 are the message's. Of those, 4 are Durable history
        // actions (2 activities, 1 timer, 1 ContinueAsNew); an event wait schedules no work in Durable.
        var lone = new ConversationScenario();
        await lone.SendAsync(lone.Student());
        await lone.Host.AdvanceAsync(TimeSpan.FromHours(1));
        var c = lone.Host.GetCounts(lone.InstanceId);
        output.WriteLine($"lone message, idle to idle: {c}");
        Assert.Equal((2, 1, 3, 1), (c.StepCalls, c.Timers, c.EventWaits, c.ContinueAsNews));
        Assert.True(c.StepCalls + c.Timers + c.ContinueAsNews <= 4);
        Assert.Equal(0, lone.Steps.PlanCalls + s.Steps.PlanCalls); // every student message was planned inside its record step
        Assert.True(perMessage.Average() <= 10, $"mean {perMessage.Average():F1}");
        Assert.Equal(40, s.Steps.Plans.Count(p => p.MessagesInBurst == 1)); // each exchange opened exactly one burst
    }

    [Fact]
    public async Task A_retried_record_step_that_finds_its_own_write_still_gets_the_message_answered()
    {
        var s = new ConversationScenario();
        var message = s.Student();
        s.Steps.MarkRecorded(message.MessageId); // the first attempt committed, then the worker died

        await s.SendAsync(message);

        Assert.NotNull(s.State.Pending);
        await s.Host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(s.Steps.Deliveries);
    }

    [Fact]
    public async Task A_burst_that_runs_into_quiet_hours_is_answered_after_them_even_when_it_grows()
    {
        // First plan: 21:55, before quiet hours (limit 22:10). The follow-up's plan (its settle time) lands at 22:05,
        // inside them, so the planner moves it to the morning; the burst's limit must move with it.
        var options = new TimingOptions
        {
            MaxDelay = TimeSpan.FromMinutes(30), BurstSettle = TimeSpan.FromMinutes(15),
            QuietHours = { Enabled = true, StartHourUtc = 22, EndHourUtc = 7 },
        };
        var slow = new TimingSnapshot(Math.Log(600), 0.01, 500, [], 0);
        var s = new ConversationScenario(options, slow, start: new DateTimeOffset(2026, 3, 2, 21, 40, 0, TimeSpan.Zero));
        await s.SendAsync(s.Student("first question"));
        await s.Host.AdvanceAsync(TimeSpan.FromMinutes(10));
        await s.SendAsync(s.Student("and a follow-up"));

        await s.Host.AdvanceAsync(TimeSpan.FromHours(12));
        var delivery = Assert.Single(s.Steps.Deliveries);
        Assert.False(options.QuietHours.Contains(delivery.At), $"delivered at {delivery.At:O}");
        Assert.True(delivery.At >= new DateTimeOffset(2026, 3, 3, 7, 0, 0, TimeSpan.Zero));
    }
}
