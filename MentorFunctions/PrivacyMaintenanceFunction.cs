using MentorFunctions.Core.Privacy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFunctions;

/// <summary>Every five minutes: the queued `forget` purges of orchestration histories, and retention of audit, ledger and counters.</summary>
public sealed class PrivacyMaintenanceFunction(PrivacyMaintenance maintenance)
{
    [Function("PrivacyMaintenance")]
    public Task Run(
        [TimerTrigger("0 */5 * * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        maintenance.RunAsync(new DurableConversationHistories(client), context.CancellationToken);
}
