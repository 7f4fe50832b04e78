namespace MentorFunctions.Core.Conversations;

/// <summary>
/// What a workflow may do, and all it may do: the port between workflow code and its host (Durable Functions in Azure,
/// the virtual-clock host of MentorFunctions.Testing in tests). Workflow code replays: it must take time only from <see cref="UtcNow"/>,
/// do I/O only through steps, and draw no randomness or new Guids.
/// </summary>
public interface IWorkflowRuntime
{
    string InstanceId { get; }

    /// <summary>The workflow's deterministic current time (Durable: CurrentUtcDateTime).</summary>
    DateTimeOffset UtcNow { get; }

    /// <summary>True while re-running code whose effects are already in the history; log only when false.</summary>
    bool IsReplaying { get; }

    /// <summary>
    /// Runs a step with the step retry policy (<see cref="TransientStepException"/> is retried with backoff, honouring
    /// RetryAfter). A step that finally fails throws <see cref="WorkflowStepFailedException"/>.
    /// </summary>
    Task<TOut> CallStepAsync<TIn, TOut>(string stepName, TIn input);

    /// <summary>
    /// Waits for the next event of that name, or until <paramref name="deadline"/>; a null deadline waits forever and
    /// holds no timer. After a wait that timed out, call <see cref="ContinueAsNew{TState}"/> before anything else: in
    /// Durable's isolated worker the abandoned event waiter would swallow the next event. After a wait that received
    /// its event the generation may wait again.
    /// </summary>
    Task<WaitResult<T>> WaitForEventAsync<T>(string eventName, DateTimeOffset? deadline);

    /// <summary>
    /// What the instance shows to its clients now (Durable: the custom status), so a generation that handles several
    /// events is observable between them. Not an action: nothing is scheduled.
    /// </summary>
    void SetStatus<TStatus>(TStatus status);

    /// <summary>Ends this generation and restarts the workflow with <paramref name="state"/>, keeping unprocessed events.</summary>
    void ContinueAsNew<TState>(TState state);
}

/// <summary>How a wait ended: an event arrived (<see cref="Value"/>) or the deadline passed.</summary>
public readonly record struct WaitResult<T>(bool TimedOut, T? Value)
{
    public static WaitResult<T> Received(T value) => new(false, value);

    public static WaitResult<T> Timeout => new(true, default);
}

/// <summary>A step failed for good (a final error, or retries exhausted). The workflow decides what that means.</summary>
public sealed class WorkflowStepFailedException(string stepName, string errorType, string errorMessage, Exception? inner = null)
    : Exception($"Step {stepName} failed: {errorType}: {errorMessage}", inner)
{
    public string StepName { get; } = stepName;
    public string ErrorType { get; } = errorType;
}
