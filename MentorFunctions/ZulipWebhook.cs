using MentorFunctions.Core.Privacy;
using System.Net;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Intake;
using MentorFunctions.Core.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace MentorFunctions;

/// <summary>
/// The endpoint Zulip's outgoing-webhook bot calls: POST /api/zulip/webhook?code=&lt;function key&gt;.
/// Core decides everything; this function reads the body, hands it over, and starts or signals the conversation.
/// </summary>
public sealed class ZulipWebhook(WebhookIntake intake, MessageSealer sealer, MentorMetrics metrics, ILogger<ZulipWebhook> logger)
{
    [Function(nameof(ZulipWebhook))]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "zulip/webhook")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable,
        FunctionContext context)
    {
        var cancellation = context.CancellationToken;
        var body = await WebhookBody.ReadAsync(request.Body, cancellation);
        request.Headers.TryGetValues("Content-Type", out var contentTypes);
        WebhookOutcome outcome;
        try
        {
            outcome = await intake.HandleAsync(body, contentTypes?.FirstOrDefault(), cancellation);
            if (outcome is { Kind: IntakeKind.Conversation, Conversation: { } conversation, Message: { } message })
                await ConversationSignal.SendAsync(new DurableConversationInstances(durable), conversation, message, cancellation, sealer);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage or Durable unreachable (or a defect): a typed 503 that Zulip shows, never a 500 with a stack
            // trace, and never a 200 for a message that would then be lost.
            logger.LogError(e, "Webhook call not accepted");
            outcome = WebhookOutcome.Unavailable("The message could not be accepted; try again shortly.");
        }

        metrics.Webhook(outcome);
        var response = request.CreateResponse((HttpStatusCode)outcome.StatusCode);
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        await response.WriteStringAsync(outcome.ResponseJson, cancellation);
        return response;
    }
}
