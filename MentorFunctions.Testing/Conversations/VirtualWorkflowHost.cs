using System.Text.Json;
using MentorFunctions.Core.Conversations;

namespace MentorFunctions.Testing.Conversations;

/// <summary>How an instance of the virtual host stands.</summary>
public enum VirtualInstanceStatus
{
    /// <summary>Waiting for an event (and a timer, if its wait has a deadline).</summary>
    Waiting = 0,
    /// <summary>A step failed transiently; its retry timer is pending.</summary>
    RetryPending = 1,
    Completed = 2,
    Failed = 3,
}

/// <summary>Durable actions an instance has taken, counted as Durable would schedule them (replays do not count).</summary>
public sealed record WorkflowActionCounts(int StepCalls, int Timers, int EventWaits, int ContinueAsNews, int Episodes)
{
    /// <summary>Step calls (each attempt) + timers + event waits + ContinueAsNew; episodes (replays) are not actions.</summary>
    public int Total => StepCalls + Timers + EventWaits + ContinueAsNews;
}

/// <summary>
/// A Durable-like host on a virtual clock, for tests and for replaying conversations fast. Like Durable it keeps only
/// history: every episode re-runs the workflow from the start, replayed steps return their recorded results without
/// running again, and a replay that diverges (another step, another order, a changed wait) throws
/// <see cref="NonDeterministicWorkflowException"/>. Values cross the boundary as JSON. Events raised while an instance is
/// not waiting stay queued, across ContinueAsNew too. Steps throwing <see cref="TransientStepException"/> are retried by
/// <see cref="StepRetryPolicy"/> on the virtual clock. Not thread-safe: one test drives it.
/// </summary>
public sealed class VirtualWorkflowHost
{
    private readonly Dictionary<string, Func<IWorkflowRuntime, string, Task>> _workflows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<string, Task<string>>> _steps = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, InstanceData> _instances = new(StringComparer.Ordinal);
    private readonly StepRetryPolicy _retry;

    public VirtualWorkflowHost(DateTimeOffset start, StepRetryPolicy? retryPolicy = null)
    {
        UtcNow = start;
        _retry = retryPolicy ?? StepRetryPolicy.Default;
    }

    public DateTimeOffset UtcNow { get; private set; }

    public VirtualWorkflowHost RegisterWorkflow<TState>(string name, Func<IWorkflowRuntime, TState, Task> run)
    {
        _workflows[name] = (runtime, json) => run(runtime, WorkflowJson.Deserialize<TState>(json));
        return this;
    }

    public VirtualWorkflowHost RegisterStep<TIn, TOut>(string name, Func<TIn, Task<TOut>> step)
    {
        _steps[name] = async json => WorkflowJson.Serialize(await step(WorkflowJson.Deserialize<TIn>(json)));
        return this;
    }

    public bool Exists(string instanceId) => _instances.ContainsKey(instanceId);

    /// <summary>Starts an instance (its first generation) and runs it until it waits.</summary>
    public async Task StartAsync<TState>(string workflowName, string instanceId, TState input)
    {
        if (!_workflows.ContainsKey(workflowName))
            throw new ArgumentException($"No workflow registered as '{workflowName}'.", nameof(workflowName));
        if (_instances.ContainsKey(instanceId))
            throw new InvalidOperationException($"Instance '{instanceId}' exists.");
        var instance = new InstanceData
        {
            InstanceId = instanceId,
            WorkflowName = workflowName,
            InputJson = WorkflowJson.Serialize(input),
            GenerationStartedAt = UtcNow,
        };
        _instances.Add(instanceId, instance);
        await PumpAsync(instance);
    }

    /// <summary>Queues an event for an instance and, when it is waiting for that event, runs it.</summary>
    public async Task RaiseEventAsync<T>(string instanceId, string eventName, T payload)
    {
        var instance = Get(instanceId);
        if (instance.Status is VirtualInstanceStatus.Completed or VirtualInstanceStatus.Failed)
            return; // Durable drops events for finished instances
        instance.Inbox.Add(new QueuedEvent { Name = eventName, PayloadJson = WorkflowJson.Serialize(payload) });
        if (instance.Status == VirtualInstanceStatus.Waiting)
            await PumpAsync(instance);
    }

    /// <summary>Moves the clock forward, firing every timer due on the way in time order.</summary>
    public Task AdvanceAsync(TimeSpan by) => AdvanceToAsync(UtcNow + by);

    public async Task AdvanceToAsync(DateTimeOffset target)
    {
        while (NextTimer() is { } next && next.At <= target)
        {
            UtcNow = next.At > UtcNow ? next.At : UtcNow;
            await FireTimerAsync(next.Instance);
        }
        if (target > UtcNow)
            UtcNow = target;
    }

    /// <summary>Timers held by all instances right now (wait deadlines and step retries).</summary>
    public int PendingTimerCount => _instances.Values.Count(i => i.TimerAt is not null);

    public DateTimeOffset? NextTimerAt => NextTimer()?.At;

    public VirtualInstanceStatus GetStatus(string instanceId) => Get(instanceId).Status;

    public WorkflowActionCounts GetCounts(string instanceId) => Get(instanceId).Counts;

    /// <summary>
    /// The workflow's state as it shows it: the status it set last in this generation, else the generation's input
    /// (its state as of the last ContinueAsNew).
    /// </summary>
    public TState GetState<TState>(string instanceId) =>
        WorkflowJson.Deserialize<TState>(Get(instanceId) is var i && i.StatusJson is { } status ? status : i.InputJson);

    /// <summary>Events queued and not yet taken by a wait.</summary>
    public int QueuedEventCount(string instanceId) => Get(instanceId).Inbox.Count;

    public string? GetError(string instanceId) => Get(instanceId).Error;

    /// <summary>Everything the host knows (clock, histories, queues, timers) as JSON: what Durable keeps in storage.</summary>
    public string Export() =>
        JsonSerializer.Serialize(new HostSnapshot { UtcNow = UtcNow, Instances = [.. _instances.Values] }, WorkflowJson.Options);

    /// <summary>
    /// A new host from an <see cref="Export"/>: no workflow object survives, only history, as after a process restart.
    /// <paramref name="register"/> registers the workflows and steps again.
    /// </summary>
    public static VirtualWorkflowHost Import(string snapshot, Action<VirtualWorkflowHost> register, StepRetryPolicy? retryPolicy = null)
    {
        var data = JsonSerializer.Deserialize<HostSnapshot>(snapshot, WorkflowJson.Options)
            ?? throw new JsonException("Empty host snapshot.");
        var host = new VirtualWorkflowHost(data.UtcNow, retryPolicy);
        foreach (var instance in data.Instances)
            host._instances.Add(instance.InstanceId, instance);
        register(host);
        return host;
    }

    private InstanceData Get(string instanceId) =>
        _instances.TryGetValue(instanceId, out var instance)
            ? instance
            : throw new KeyNotFoundException($"No instance '{instanceId}'.");

    private (DateTimeOffset At, InstanceData Instance)? NextTimer()
    {
        (DateTimeOffset At, InstanceData Instance)? best = null;
        foreach (var instance in _instances.Values)
        {
            if (instance.TimerAt is { } at && (best is null || at < best.Value.At))
                best = (at, instance);
        }
        return best;
    }

    private async Task FireTimerAsync(InstanceData instance)
    {
        instance.TimerAt = null;
        var pending = instance.History.FirstOrDefault(e => !e.Resolved)
            ?? throw new InvalidOperationException($"Instance '{instance.InstanceId}' has a timer but nothing pending.");
        if (pending.Kind == HistoryKind.Wait)
        {
            pending.Resolve(UtcNow);
            pending.TimedOut = true;
        }
        // A step's retry timer: the step runs again from PumpAsync.
        await PumpAsync(instance);
    }

    /// <summary>Runs episodes until the instance waits (for an event or a timer) or ends.</summary>
    private async Task PumpAsync(InstanceData instance)
    {
        while (true)
        {
            var episode = RunEpisode(instance);
            if (episode.ContinueAsNewJson is { } next)
            {
                instance.InputJson = next;
                instance.StatusJson = null;
                instance.History.Clear();
                instance.GenerationStartedAt = UtcNow;
                instance.Counts = instance.Counts with { ContinueAsNews = instance.Counts.ContinueAsNews + 1 };
                continue;
            }
            if (episode.Completed)
            {
                instance.Status = VirtualInstanceStatus.Completed;
                return;
            }

            var pending = instance.History.First(e => !e.Resolved);
            if (pending.Kind == HistoryKind.Step)
            {
                if (!await RunStepAttemptAsync(instance, pending))
                    return; // retry timer set
                continue;
            }

            var queued = instance.Inbox.FindIndex(e => e.Name == pending.Name);
            if (queued >= 0)
            {
                pending.Resolve(UtcNow);
                pending.ResultJson = instance.Inbox[queued].PayloadJson;
                instance.Inbox.RemoveAt(queued);
                instance.TimerAt = null;
                continue;
            }
            instance.Status = VirtualInstanceStatus.Waiting;
            instance.TimerAt = pending.Deadline is { } deadline ? (deadline > UtcNow ? deadline : UtcNow) : null;
            return;
        }
    }

    /// <summary>One attempt of a step. False when it failed transiently and a retry timer now holds the instance.</summary>
    private async Task<bool> RunStepAttemptAsync(InstanceData instance, HistoryEntry entry)
    {
        if (!_steps.TryGetValue(entry.Name, out var step))
            throw new InvalidOperationException($"No step registered as '{entry.Name}'.");
        entry.Attempts++;
        instance.Counts = instance.Counts with { StepCalls = instance.Counts.StepCalls + 1 };
        try
        {
            entry.ResultJson = await step(entry.InputJson ?? "null");
            entry.Resolve(UtcNow);
            return true;
        }
        catch (TransientStepException e) when (_retry.DelayAfter(entry.Attempts, e.RetryAfter) is { } delay)
        {
            instance.Status = VirtualInstanceStatus.RetryPending;
            instance.TimerAt = UtcNow + delay;
            instance.Counts = instance.Counts with { Timers = instance.Counts.Timers + 1 };
            return false;
        }
        catch (Exception e)
        {
            entry.ErrorType = e.GetType().FullName ?? e.GetType().Name;
            entry.ErrorMessage = e.Message;
            entry.Resolve(UtcNow);
            return true;
        }
    }

    private EpisodeResult RunEpisode(InstanceData instance)
    {
        instance.Counts = instance.Counts with { Episodes = instance.Counts.Episodes + 1 };
        var runtime = new EpisodeRuntime(instance);
        Task task;
        try
        {
            task = _workflows[instance.WorkflowName](runtime, instance.InputJson);
        }
        catch (Exception e)
        {
            throw Fail(instance, e);
        }

        // Replayed awaits complete synchronously; a task still running is parked on a new (unresolved) action.
        if (task.IsFaulted)
            throw Fail(instance, task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception);
        if (runtime.ContinueAsNewJson is null && runtime.Consumed < instance.History.Count && task.IsCompleted)
        {
            throw Fail(instance, new NonDeterministicWorkflowException(
                $"{instance.InstanceId}: the history has {instance.History.Count} actions but the replay ended after {runtime.Consumed}."));
        }
        return new EpisodeResult(runtime.ContinueAsNewJson, task.IsCompletedSuccessfully && runtime.ContinueAsNewJson is null);
    }

    private static Exception Fail(InstanceData instance, Exception e)
    {
        instance.Status = VirtualInstanceStatus.Failed;
        instance.Error = $"{e.GetType().Name}: {e.Message}";
        instance.TimerAt = null;
        return e;
    }

    private readonly record struct EpisodeResult(string? ContinueAsNewJson, bool Completed);

    /// <summary>The runtime one episode sees: matches each action against the history, in order.</summary>
    private sealed class EpisodeRuntime(InstanceData instance) : IWorkflowRuntime
    {
        private readonly int _replayThrough = instance.History.FindLastIndex(e => e.Resolved);
        private DateTimeOffset _now = instance.GenerationStartedAt;
        private bool _timedOut;

        public int Consumed { get; private set; }

        public string? ContinueAsNewJson { get; private set; }

        public string InstanceId => instance.InstanceId;

        public DateTimeOffset UtcNow => _now;

        // Durable replays old history with IsReplaying true; code after the newest result (the one this episode
        // resolved) runs "live", once.
        public bool IsReplaying => Consumed <= _replayThrough;

        public Task<TOut> CallStepAsync<TIn, TOut>(string stepName, TIn input)
        {
            if (_timedOut)
                throw new WorkflowRuleException($"{InstanceId}: step {stepName} after a timed-out wait; ContinueAsNew first.");
            var entry = Next(HistoryKind.Step, stepName, deadline: null);
            if (entry is null)
            {
                instance.History.Add(new HistoryEntry { Kind = HistoryKind.Step, Name = stepName, InputJson = WorkflowJson.Serialize(input) });
                return new TaskCompletionSource<TOut>().Task;
            }
            if (!entry.Resolved)
                return new TaskCompletionSource<TOut>().Task;
            _now = entry.ResolvedAt;
            if (entry.ErrorType is not null)
                return Task.FromException<TOut>(new WorkflowStepFailedException(stepName, entry.ErrorType, entry.ErrorMessage ?? ""));
            return Task.FromResult(WorkflowJson.Deserialize<TOut>(entry.ResultJson ?? "null"));
        }

        public Task<WaitResult<T>> WaitForEventAsync<T>(string eventName, DateTimeOffset? deadline)
        {
            if (_timedOut)
                throw new WorkflowRuleException($"{InstanceId}: a wait after a timed-out wait; ContinueAsNew first.");
            var entry = Next(HistoryKind.Wait, eventName, deadline);
            if (entry is null)
            {
                instance.History.Add(new HistoryEntry { Kind = HistoryKind.Wait, Name = eventName, Deadline = deadline });
                instance.Counts = instance.Counts with
                {
                    EventWaits = instance.Counts.EventWaits + 1,
                    Timers = instance.Counts.Timers + (deadline is null ? 0 : 1),
                };
                return new TaskCompletionSource<WaitResult<T>>().Task;
            }
            if (!entry.Resolved)
                return new TaskCompletionSource<WaitResult<T>>().Task;
            _now = entry.ResolvedAt;
            if (entry.TimedOut)
            {
                _timedOut = true;
                return Task.FromResult(WaitResult<T>.Timeout);
            }
            return Task.FromResult(WaitResult<T>.Received(WorkflowJson.Deserialize<T>(entry.ResultJson ?? "null")));
        }

        // Episodes replay from the start, so the last call of the newest episode is the newest status.
        public void SetStatus<TStatus>(TStatus status) => instance.StatusJson = WorkflowJson.Serialize(status);

        public void ContinueAsNew<TState>(TState state)
        {
            if (Consumed < instance.History.Count)
            {
                throw new NonDeterministicWorkflowException(
                    $"{InstanceId}: ContinueAsNew after {Consumed} of the history's {instance.History.Count} actions.");
            }
            ContinueAsNewJson = WorkflowJson.Serialize(state);
        }

        /// <summary>The recorded action at this point of the replay, or null when the workflow has reached new ground.</summary>
        private HistoryEntry? Next(HistoryKind kind, string name, DateTimeOffset? deadline)
        {
            if (ContinueAsNewJson is not null)
                throw new WorkflowRuleException($"{InstanceId}: an action after ContinueAsNew.");
            var index = Consumed++;
            if (index >= instance.History.Count)
                return null;
            var entry = instance.History[index];
            if (entry.Kind != kind || entry.Name != name || entry.Deadline != deadline)
            {
                throw new NonDeterministicWorkflowException(
                    $"{InstanceId}: action {index} was {entry.Kind} '{entry.Name}' (deadline {entry.Deadline:O}) in the history, " +
                    $"but the replay asked for {kind} '{name}' (deadline {deadline:O}).");
            }
            return entry;
        }
    }
}

// The stored shapes: plain classes so the host's state round-trips through JSON like Durable's storage.

internal enum HistoryKind
{
    Step = 0,
    Wait = 1,
}

internal sealed class HistoryEntry
{
    public HistoryKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? InputJson { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    public bool Resolved { get; set; }
    public DateTimeOffset ResolvedAt { get; set; }
    public string? ResultJson { get; set; }
    public string? ErrorType { get; set; }
    public string? ErrorMessage { get; set; }
    public bool TimedOut { get; set; }
    public int Attempts { get; set; }

    public void Resolve(DateTimeOffset at)
    {
        Resolved = true;
        ResolvedAt = at;
    }
}

internal sealed class QueuedEvent
{
    public string Name { get; set; } = "";
    public string PayloadJson { get; set; } = "null";
}

internal sealed class InstanceData
{
    public string InstanceId { get; set; } = "";
    public string WorkflowName { get; set; } = "";
    public string InputJson { get; set; } = "null";
    public string? StatusJson { get; set; }
    public DateTimeOffset GenerationStartedAt { get; set; }
    public List<HistoryEntry> History { get; set; } = [];
    public List<QueuedEvent> Inbox { get; set; } = [];
    public VirtualInstanceStatus Status { get; set; }
    public DateTimeOffset? TimerAt { get; set; }
    public string? Error { get; set; }
    public WorkflowActionCounts Counts { get; set; } = new(0, 0, 0, 0, 0);
}

internal sealed class HostSnapshot
{
    public DateTimeOffset UtcNow { get; set; }
    public List<InstanceData> Instances { get; set; } = [];
}
