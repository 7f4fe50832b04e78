using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using MentorFunctions.Core.Languages.Texts;
using MentorFunctions.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Commands;

/// <summary>
/// Zulip re-sends an outgoing webhook (up to 4 times) when it gets no answer within 10 s, which a cold start can cause,
/// and the first call may still be running when the re-send arrives. A command that changes something (`pause 2h`,
/// `send`, `forget confirm`, ...) runs once per Zulip message id: the first call claims the id in Table Storage, the
/// re-send waits for the first call's answer and gives the same one. Read-only commands (`help`, `status`, ...) simply
/// run again, so their answers, which may hold names and notes, are never stored.
/// </summary>
public sealed partial class ReplayGuardedCommandHandler(
    ICommandHandler inner, HandledCommandStore handled, CommandAnswerLanguage answerLanguage, IOptions<ControlsOptions> options,
    ILogger<ReplayGuardedCommandHandler> log) : ICommandHandler
{
    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = CommandParser.Parse(request.Text).Kind;
        if (!request.IsDirect || !ChangesState(kind))
            return await inner.HandleAsync(request, cancellationToken).ConfigureAwait(false);

        // `forget confirm` erases every row naming its sender, so its own row names nobody: it holds only the message
        // id and the answer (a count), and the erasure cannot remove the claim while the command runs.
        long? sender = kind == CommandKind.ForgetConfirm ? null : request.SenderId;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var claim = await handled.ClaimAsync(request.BotEmail, request.MessageId, sender, cancellationToken).ConfigureAwait(false);
            if (claim.Answered)
            {
                LogReplayed(request.MessageId);
                return new CommandReply(claim.Answer);
            }
            if (claim.Ours)
                return await RunAsync(request, sender, cancellationToken).ConfigureAwait(false);
            if (waited.Elapsed >= options.Value.CommandReplayWait)
            {
                LogStillRunning(request.MessageId);
                // The answer to a re-send whose first call is still running when the wait is over (it stays claimed).
                var language = await answerLanguage.ForAsync(request, cancellationToken).ConfigureAwait(false);
                return new CommandReply(CommandTexts.StillRunning.Template(language));
            }
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private async Task<CommandReply> RunAsync(CommandRequest request, long? sender, CancellationToken ct)
    {
        CommandReply reply;
        try
        {
            reply = await inner.HandleAsync(request, ct).ConfigureAwait(false);
        }
        catch
        {
            // Nothing to replay: a re-send may try again.
            await handled.ReleaseAsync(request.BotEmail, request.MessageId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        await handled.AnswerAsync(request.BotEmail, request.MessageId, sender, reply.Content, ct).ConfigureAwait(false);
        return reply;
    }

    /// <summary>The commands whose second run would differ from the first (a second pause from a later time, a second send).</summary>
    public static bool ChangesState(CommandKind kind) => kind switch
    {
        CommandKind.Pause or CommandKind.Resume or CommandKind.Mode or CommandKind.PersonaSet or CommandKind.PersonaClear
            or CommandKind.Quiet or CommandKind.Accept or CommandKind.Decline or CommandKind.DraftSend or CommandKind.DraftEdit
            or CommandKind.DraftSkip or CommandKind.Forget or CommandKind.ForgetConfirm or CommandKind.ForgetCancel => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Command message {MessageId} was re-sent: answered with the first answer, not run again")]
    private partial void LogReplayed(long messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command message {MessageId} was re-sent while its first call still runs: not run again")]
    private partial void LogStillRunning(long messageId);
}

/// <summary>What <see cref="HandledCommandStore.ClaimAsync"/> found: the id is now ours, answered already, or being handled elsewhere.</summary>
public readonly record struct CommandClaim(bool Ours, bool Answered, string? Answer);

/// <summary>
/// The command messages handled lately (table "handledcommands": partition = bot, row = Zulip message id), with the
/// sender's id and the answer given, never the command's text. A row lives <see cref="ControlsOptions.CommandReplayWindow"/>
/// (pruned by the privacy maintenance run); a claim whose call died is taken over after <see cref="ControlsOptions.CommandReplayLease"/>.
/// </summary>
public sealed class HandledCommandStore(TableStore tables, TimeProvider time, IOptions<ControlsOptions> options) : IPersonalDataStore, IExpiringRecords
{
    public const string TableName = "handledcommands";

    public string Name => "handled commands";

    /// <summary>Claims a message id for this call, or reports the first call's answer or that it still runs.</summary>
    /// <param name="senderId">Null for a row that must name nobody (the answer to `forget confirm`).</param>
    public async Task<CommandClaim> ClaimAsync(string botEmail, long messageId, long? senderId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var entity = new TableEntity(TableKeys.Bot(botEmail), TableKeys.Id(messageId))
        {
            ["Version"] = 1,
            ["SenderId"] = senderId,
            ["ClaimedAt"] = now,
            ["ExpiresAt"] = now + options.Value.CommandReplayWindow,
            ["Answered"] = false,
        };
        try
        {
            await table.AddEntityAsync(entity, ct).ConfigureAwait(false);
            return new CommandClaim(true, false, null);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Handled (or being handled) already: read what the first call left.
        }

        var read = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: ct).ConfigureAwait(false);
        if (!read.HasValue || read.Value is not { } existing)
            return await ClaimAsync(botEmail, messageId, senderId, ct).ConfigureAwait(false); // released meanwhile
        var expired = existing.GetDateTimeOffset("ExpiresAt") is not { } expires || expires <= now;
        // Message ids are the server's: another sender with the same id is not a re-send (nor anything to replay to them).
        var sameSender = existing.GetInt64("SenderId") is not { } firstSender || firstSender == senderId;
        if (!expired && sameSender && existing.GetBoolean("Answered") == true)
            return new CommandClaim(false, true, existing.GetString("Answer"));
        var abandoned = existing.GetDateTimeOffset("ClaimedAt") is not { } claimedAt || claimedAt + options.Value.CommandReplayLease <= now;
        if (!expired && sameSender && !abandoned)
            return new CommandClaim(false, false, null);
        try
        {
            await table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            return new CommandClaim(true, false, null);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return await ClaimAsync(botEmail, messageId, senderId, ct).ConfigureAwait(false); // another call took it over first
        }
    }

    /// <summary>Records the answer a claim holder gave (an upsert: a `forget confirm` has just erased the claim itself).</summary>
    public async Task AnswerAsync(string botEmail, long messageId, long? senderId, string? answer, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Bot(botEmail), TableKeys.Id(messageId))
        {
            ["Version"] = 1,
            ["SenderId"] = senderId,
            ["ClaimedAt"] = now,
            ["ExpiresAt"] = now + options.Value.CommandReplayWindow,
            ["Answered"] = true,
            ["Answer"] = answer,
        }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>Drops a claim whose command failed, so a re-send runs it.</summary>
    public async Task ReleaseAsync(string botEmail, long messageId, CancellationToken ct)
    {
        try
        {
            var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
            await table.DeleteIfExistsAsync(TableKeys.Bot(botEmail), TableKeys.Id(messageId), ct).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Storage is failing too: the claim is taken over once its lease is over.
        }
    }

    /// <summary>Deletes the rows past their expiry; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        return await table.DeleteWhereAsync(TableClient.CreateQueryFilter($"ExpiresAt lt {time.GetUtcNow()}"), (_, _) => true, ct).ConfigureAwait(false);
    }

    public async Task<int> DeleteUserAsync(string botEmail, long userId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Bot(botEmail)} and SenderId eq {userId}");
        return await table.DeleteWhereAsync(filter, (_, _) => true, ct).ConfigureAwait(false);
    }
}
