namespace MentorFunctions.Testing.Conversations;

/// <summary>A workflow's replay diverged from its history: Durable would fail the instance in Azure.</summary>
public sealed class NonDeterministicWorkflowException(string message) : Exception(message);

/// <summary>A workflow broke a rule of this project's Durable usage (e.g. two waits in one generation).</summary>
public sealed class WorkflowRuleException(string message) : Exception(message);
