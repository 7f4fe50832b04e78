using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFunctions;

/// <summary>The eternal orchestration of one conversation: the Core workflow on the Durable runtime, nothing else.</summary>
public static class ConversationOrchestrator
{
    [Function(ConversationWorkflow.Name)]
    public static Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, ConversationState state, FunctionContext functionContext)
    {
        ArgumentNullException.ThrowIfNull(functionContext);
        var logger = context.CreateReplaySafeLogger(nameof(ConversationOrchestrator));
        var metrics = functionContext.InstanceServices.GetService<MentorMetrics>();
        return ConversationWorkflow.RunAsync(new DurableWorkflowRuntime(context, StepRetryPolicy.Default, metrics), state, logger);
    }
}
