using MentorFunctions.Core.Conversations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace MentorFunctions;

/// <summary>The eternal orchestration of one conversation: the Core workflow on the Durable runtime, nothing else.</summary>
public static class ConversationOrchestrator
{
    [Function(ConversationWorkflow.Name)]
    public static Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, ConversationState state)
    {
        var logger = context.CreateReplaySafeLogger(nameof(ConversationOrchestrator));
        return ConversationWorkflow.RunAsync(new DurableWorkflowRuntime(context, StepRetryPolicy.Default), state, logger);
    }
}
