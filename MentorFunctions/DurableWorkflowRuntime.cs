using System.Globalization;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Telemetry;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;

namespace MentorFunctions;

/// <summary>
/// The Core workflow port over Durable's <see cref="TaskOrchestrationContext"/>. A step that fails for good is counted
/// here (outside replay), the one place that sees it: its activity threw, so nothing after it ran.
/// </summary>
public sealed class DurableWorkflowRuntime(TaskOrchestrationContext context, StepRetryPolicy retryPolicy, MentorMetrics? metrics = null) : IWorkflowRuntime
{
    private readonly TaskOptions _stepOptions = TaskOptions.FromRetryHandler(async retry =>
    {
        // Only TransientStepException is worth another attempt. The isolated worker may wrap the thrown exception,
        // so the whole failure chain is searched for it.
        if (FindTransient(retry.LastFailure) is not { } transient)
            return false;
        var delay = retryPolicy.DelayAfter(retry.LastAttemptNumber, TransientStepExceptionProperties.RetryAfter(retry.LastFailure));
        if (delay is null)
            return false;
        await retry.OrchestrationContext.CreateTimer(delay.Value, retry.CancellationToken);
        return true;
    });

    public string InstanceId => context.InstanceId;

    public DateTimeOffset UtcNow => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    public bool IsReplaying => context.IsReplaying;

    public async Task<TOut> CallStepAsync<TIn, TOut>(string stepName, TIn input)
    {
        try
        {
            return await context.CallActivityAsync<TOut>(stepName, input, _stepOptions);
        }
        catch (TaskFailedException e)
        {
            if (!context.IsReplaying)
                metrics?.StepFailed(stepName, e.FailureDetails.ErrorType);
            throw new WorkflowStepFailedException(stepName, e.FailureDetails.ErrorType, e.FailureDetails.ErrorMessage, e);
        }
    }

    public async Task<WaitResult<T>> WaitForEventAsync<T>(string eventName, DateTimeOffset? deadline)
    {
        if (deadline is null)
            return WaitResult<T>.Received(await context.WaitForExternalEvent<T>(eventName));

        // Race the event against a timer; cancel the loser so the orchestration can complete. After a timeout the
        // workflow calls ContinueAsNew synchronously, before the next history event is processed; the worker's executor
        // runs with BehaviorOnContinueAsNew.Carryover, so an event processed after that point is carried into the next
        // generation rather than handed to the cancelled waiter (which would drop it).
        using var cancel = new CancellationTokenSource();
        var timer = context.CreateTimer(deadline.Value.UtcDateTime, cancel.Token);
        var message = context.WaitForExternalEvent<T>(eventName, cancel.Token);
        var winner = await Task.WhenAny(message, timer);
        cancel.Cancel();
        return winner == message ? WaitResult<T>.Received(await message) : WaitResult<T>.Timeout;
    }

    public void SetStatus<TStatus>(TStatus status) => context.SetCustomStatus(status);

    public void ContinueAsNew<TState>(TState state) => context.ContinueAsNew(state, preserveUnprocessedEvents: true);

    private static TaskFailureDetails? FindTransient(TaskFailureDetails? failure)
    {
        for (var depth = 0; failure is not null && depth < 8; failure = failure.InnerFailure, depth++)
        {
            if (failure.ErrorType == typeof(TransientStepException).FullName)
                return failure;
        }
        return null;
    }
}

/// <summary>
/// Carries <see cref="TransientStepException.RetryAfter"/> into Durable's failure details, so the retry handler can honour
/// it. Register it with <c>services.AddSingleton&lt;IExceptionPropertiesProvider, TransientStepExceptionProperties&gt;()</c>;
/// without it, retries use the policy's backoff alone.
/// </summary>
public sealed class TransientStepExceptionProperties : IExceptionPropertiesProvider
{
    private const string RetryAfterSeconds = "retryAfterSeconds";

    public IDictionary<string, object?>? GetExceptionProperties(Exception exception) =>
        exception is TransientStepException { RetryAfter: { } after }
            ? new Dictionary<string, object?> { [RetryAfterSeconds] = after.TotalSeconds }
            : null;

    /// <summary>
    /// The hint of a failed step, from its failure details or any inner failure's: the properties where the provider's
    /// dictionary reached (the Durable worker puts it on the activity's failure), else the message's
    /// <see cref="TransientStepException"/> marker, which every pipeline keeps.
    /// </summary>
    /// <remarks>
    /// Why both: in Functions, an activity does not run in the Durable worker but through the Functions invocation
    /// pipeline. The worker extension's DurableFunctionExecutor.RunActivityAsync (Azure/azure-functions-dotnet-worker,
    /// extensions/Worker.Extensions.DurableTask, since 1.9.0) catches the activity's exception and rethrows it as a
    /// DurableSerializationException whose message is the TaskFailureDetails JSON built with the registered
    /// IExceptionPropertiesProvider, so the properties leave the worker; the host extension then rebuilds the failure
    /// from that JSON. The documented sample shows them under innerFailure, and the host side's handling of the
    /// properties field was not verified here, so the message carries the hint as well.
    /// </remarks>
    public static TimeSpan? RetryAfter(TaskFailureDetails? failure)
    {
        for (var f = failure; f is not null; f = f.InnerFailure)
        {
            if (f.Properties is not null && f.Properties.TryGetValue(RetryAfterSeconds, out var value) && value is not null
                && double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && double.IsFinite(seconds) && seconds > 0)
                return TimeSpan.FromSeconds(seconds);
        }
        for (var f = failure; f is not null; f = f.InnerFailure)
        {
            if (TransientStepException.ParseRetryAfterMarker(f.ErrorMessage) is { } marked)
                return marked;
        }
        return null;
    }
}
