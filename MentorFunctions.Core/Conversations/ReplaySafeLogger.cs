using Microsoft.Extensions.Logging;

namespace MentorFunctions.Core.Conversations;

/// <summary>Writes only when the workflow is not replaying, checked at each call, so each line is logged once.</summary>
internal sealed class ReplaySafeLogger(IWorkflowRuntime runtime, ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => !runtime.IsReplaying && inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!runtime.IsReplaying)
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
