using System.ClientModel;
using System.Diagnostics;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Languages;
using MentorFunctions.Core.Llm;
using MentorFunctions.Core.Llm.Tokens;
using MentorFunctions.Core.Replies;
using MentorFunctions.Core.Safety;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;

namespace MentorLab.Replies;

/// <summary>What one stand-in reply came to: the text without its disclosure, or why there is none; its cost.</summary>
public sealed record GeneratedReply(
    string? Text,
    ReplyFailureKind? Failure,
    string? FailureDetail,
    string? GuardReason,
    int PromptTokens,
    int CompletionTokens,
    bool TokensFromUsage,
    double LatencyMs,
    int Calls,
    int HistoryMessagesUsed);

/// <summary>
/// Writes one reply as the deliver step does: the production <see cref="PromptBuilder"/> over the style snapshot and
/// the conversation, one model call, the disclosure in the student's language put on and the whole fitted to Zulip's
/// length (<see cref="ReplyComposer"/>), then the disclosure taken off again for scoring. The output guard's verdict is
/// recorded (the reply would have been withheld), not acted on, so every answer is scored.
/// </summary>
public sealed class ReplyGenerator(
    IChatModel model,
    PromptBuilder prompts,
    ITokenCounter tokens,
    ReplyOptions replyOptions,
    LlmOptions llmOptions,
    int retries,
    Func<TimeSpan, CancellationToken, Task>? wait = null)
{
    private const int LanguageSample = 10;
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);
    private readonly OutputGuard _guard = new();
    private readonly Func<TimeSpan, CancellationToken, Task> _wait = wait ?? Task.Delay;

    public async Task<GeneratedReply> GenerateAsync(StyleSnapshot style, MentorRecord mentor, IReadOnlyList<ConversationMessage> history, CancellationToken ct)
    {
        var prompt = prompts.Build(style, mentor, history);
        var calls = 0;
        for (var attempt = 0; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            calls++;
            var started = Stopwatch.GetTimestamp();
            ChatCompletion completion;
            try
            {
                completion = await model.CompleteAsync(prompt.Turns, llmOptions.MaxOutputTokens, ct).ConfigureAwait(false);
            }
            catch (TransientStepException e) when (!ct.IsCancellationRequested)
            {
                var (kind, detail) = Classify(e);
                if (attempt < retries)
                {
                    var delay = e.RetryAfter ?? TimeSpan.FromSeconds(2 << attempt);
                    await _wait(delay > MaxWait ? MaxWait : delay, ct).ConfigureAwait(false);
                    continue;
                }
                return Failed(kind, detail, prompt, calls);
            }
            catch (ChatModelException e)
            {
                return Failed(ReplyFailureKind.Refused, $"{e.Status} {e.Code ?? "no code"}", prompt, calls);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return Failed(ReplyFailureKind.Other, e.GetType().Name, prompt, calls);
            }
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            var fromUsage = completion.PromptTokens > 0 || completion.CompletionTokens > 0;
            var promptTokens = fromUsage ? completion.PromptTokens : prompt.EstimatedTokens;
            var completionTokens = fromUsage ? completion.CompletionTokens : tokens.CountText(completion.Text);
            if (completion.ContentFiltered || string.IsNullOrWhiteSpace(completion.Text))
            {
                var kind = completion.ContentFiltered ? ReplyFailureKind.ContentFiltered : ReplyFailureKind.EmptyAnswer;
                return new GeneratedReply(null, kind, completion.FinishReason, null, promptTokens, completionTokens, fromUsage, latency, calls, prompt.HistoryMessagesUsed);
            }

            var studentLanguage = LanguageDetector.Detect(history.Where(m => m.Role == ParticipantRole.Student)
                .OrderByDescending(m => m.MessageId).Take(LanguageSample).Select(m => m.Content));
            var disclosure = ReplyComposer.Disclosure(replyOptions.DisclosureTemplateFor(studentLanguage ?? Language.Default), mentor.FullName);
            var limit = Math.Min(replyOptions.MaxReplyChars, replyOptions.MaxMessageLength - disclosure.Length - 2);
            var guard = _guard.Check(completion.Text, prompt.Turns, style.Exemplars, mentor.FullName, limit)?.Reason;
            var posted = ReplyComposer.Compose(completion.Text, disclosure, replyOptions.MaxMessageLength);
            // Off again for scoring, and once more should the model have written a label of its own.
            var disclosures = replyOptions.DisclosuresOf(mentor.FullName);
            var text = ReplyComposer.StripDisclosure(ReplyComposer.StripDisclosure(posted, disclosures), disclosures);
            return new GeneratedReply(text, null, null, guard, promptTokens, completionTokens, fromUsage, latency, calls, prompt.HistoryMessagesUsed);
        }
    }

    private static GeneratedReply Failed(ReplyFailureKind kind, string detail, ReplyPrompt prompt, int calls) =>
        new(null, kind, detail, null, 0, 0, false, double.NaN, calls, prompt.HistoryMessagesUsed);

    /// <summary>What a transient failure was, from the SDK's exception inside it.</summary>
    private static (ReplyFailureKind Kind, string Detail) Classify(TransientStepException e) => e.InnerException switch
    {
        ClientResultException { Status: 429 } => (ReplyFailureKind.RateLimited, "429"),
        ClientResultException { Status: 0 } => (ReplyFailureKind.Connection, "no response"),
        ClientResultException c => (ReplyFailureKind.ServerError, c.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        OperationCanceledException => (ReplyFailureKind.Timeout, TimeoutDetail),
        _ => (ReplyFailureKind.Other, e.InnerException?.GetType().Name ?? nameof(TransientStepException)),
    };

    private const string TimeoutDetail = "time limit";
}
