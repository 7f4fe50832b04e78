using MentorFunctions.Testing.Conversations;
using MentorFunctions.Core.Conversations;

namespace MentorFunctions.Tests.Conversations;

public sealed class VirtualWorkflowHostTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private sealed record Counter(int Value);

    // Deliberately broken: the step chosen depends on a static that survives between episodes, as DateTime.Now or
    // Random would. The first episode calls "A"; the replay calls "B".
    private static int s_runs;

    [Fact]
    public async Task A_workflow_whose_replay_diverges_is_detected()
    {
        s_runs = 0;
        var host = new VirtualWorkflowHost(Start)
            .RegisterStep<int, int>("A", x => Task.FromResult(x + 1))
            .RegisterStep<int, int>("B", x => Task.FromResult(x + 2))
            .RegisterWorkflow<Counter>("broken", async (rt, c) =>
            {
                var step = Interlocked.Increment(ref s_runs) == 1 ? "A" : "B";
                var value = await rt.CallStepAsync<int, int>(step, c.Value);
                rt.ContinueAsNew(new Counter(value));
            });

        var e = await Assert.ThrowsAsync<NonDeterministicWorkflowException>(() => host.StartAsync("broken", "i1", new Counter(0)));
        Assert.Contains("'A'", e.Message);
        Assert.Equal(VirtualInstanceStatus.Failed, host.GetStatus("i1"));
    }

    [Fact]
    public async Task A_deadline_taken_from_the_wall_clock_is_detected()
    {
        var host = new VirtualWorkflowHost(Start)
            .RegisterStep<int, int>("A", x => Task.FromResult(x))
            .RegisterWorkflow<Counter>("wallclock", async (rt, c) =>
            {
                await rt.CallStepAsync<int, int>("A", c.Value);
                var r = await rt.WaitForEventAsync<int>("go", DateTimeOffset.UtcNow.AddTicks(Interlocked.Increment(ref s_runs)));
                rt.ContinueAsNew(new Counter(r.Value));
            });

        await Assert.ThrowsAsync<NonDeterministicWorkflowException>(async () =>
        {
            await host.StartAsync("wallclock", "i2", new Counter(1));
            await host.RaiseEventAsync("i2", "go", 5);
        });
    }

    [Fact]
    public async Task Replayed_steps_return_recorded_results_without_running_again()
    {
        var calls = 0;
        var host = new VirtualWorkflowHost(Start)
            .RegisterStep<int, int>("inc", x => { calls++; return Task.FromResult(x + 1); })
            .RegisterWorkflow<Counter>("chain", async (rt, c) =>
            {
                var v = c.Value;
                for (var i = 0; i < 5; i++)
                    v = await rt.CallStepAsync<int, int>("inc", v);
                var r = await rt.WaitForEventAsync<int>("add", deadline: null);
                rt.ContinueAsNew(new Counter(v + r.Value));
            });

        await host.StartAsync("chain", "c", new Counter(0));
        Assert.Equal(5, calls);
        Assert.Equal(6, host.GetCounts("c").Episodes); // each new result re-ran the workflow from the start

        await host.RaiseEventAsync("c", "add", 100);
        Assert.Equal(10, calls);
        Assert.Equal(105, host.GetState<Counter>("c").Value);
    }

    [Fact]
    public async Task A_wait_after_a_timed_out_wait_breaks_the_rule_but_one_after_a_received_event_does_not()
    {
        var host = new VirtualWorkflowHost(Start).RegisterWorkflow<Counter>("greedy", async (rt, c) =>
        {
            var a = await rt.WaitForEventAsync<int>("e", rt.UtcNow.AddMinutes(1));
            rt.SetStatus(new Counter(c.Value + a.Value));
            var b = await rt.WaitForEventAsync<int>("e", null);
            rt.ContinueAsNew(new Counter(c.Value + a.Value + b.Value));
        });
        await host.StartAsync("greedy", "g", new Counter(0));
        await host.RaiseEventAsync("g", "e", 1);
        Assert.Equal(1, host.GetState<Counter>("g").Value); // the status set between the two waits
        await host.RaiseEventAsync("g", "e", 2);
        Assert.Equal(3, host.GetState<Counter>("g").Value);

        // The next generation's first wait times out: waiting again before ContinueAsNew is what Durable cannot do safely.
        await Assert.ThrowsAsync<WorkflowRuleException>(() => host.AdvanceAsync(TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public async Task Events_raised_before_the_wait_are_kept_across_continue_as_new_in_order()
    {
        var seen = new List<int>();
        var failures = 1;
        var host = new VirtualWorkflowHost(Start)
            .RegisterStep<int, int>("slow", x => failures-- > 0 ? throw new TransientStepException("busy", TimeSpan.FromMinutes(1)) : Task.FromResult(x))
            .RegisterWorkflow<Counter>("sum", async (rt, c) =>
            {
                var r = await rt.WaitForEventAsync<int>("n", null);
                seen.Add(r.Value);
                var v = await rt.CallStepAsync<int, int>("slow", c.Value + 1);
                rt.ContinueAsNew(new Counter(v));
            });
        await host.StartAsync("sum", "s", new Counter(0));

        await host.RaiseEventAsync("s", "n", 10);   // step "slow"(1) fails, retry in a minute
        await host.RaiseEventAsync("s", "n", 20);   // queued
        await host.RaiseEventAsync("s", "n", 30);   // queued
        Assert.Equal(2, host.QueuedEventCount("s"));

        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(0, host.QueuedEventCount("s"));
        Assert.Equal(3, host.GetState<Counter>("s").Value);
        Assert.Equal([10, 20, 30], seen.Distinct()); // replays re-add values; the order of first sight is the raise order
    }
}
