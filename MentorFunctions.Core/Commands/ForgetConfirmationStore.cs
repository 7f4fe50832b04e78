using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using MentorFunctions.Core.Storage;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Commands;

/// <summary>The result of checking a `forget confirm` code.</summary>
public enum ForgetCheck
{
    Confirmed = 0,
    NoPending = 1,
    Expired = 2,
    WrongCode = 3,
    /// <summary>Too many wrong codes: the pending request was dropped.</summary>
    TooManyAttempts = 4,
}

/// <summary>
/// Pending `forget` requests, one per user, in Table Storage (table "forgetcodes") so any instance of a scaled-out app
/// can confirm what another issued. A code is single use: confirming deletes it under an ETag check.
/// </summary>
public sealed class ForgetConfirmationStore(TableStore tables, TimeProvider time, IOptions<ControlsOptions> options) : IPersonalDataStore
{
    internal const string TableName = "forgetcodes";

    // No 0/O or 1/I/L: the code is read off a chat message and typed back.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int CodeLength = 6;

    public string Name => "forget-confirmations";

    /// <summary>Issues (or replaces) the user's confirmation code; returns it with its expiry.</summary>
    public async Task<(string Code, DateTimeOffset ExpiresAt)> IssueAsync(string botEmail, long userId, CancellationToken ct)
    {
        var code = RandomNumberGenerator.GetString(Alphabet, CodeLength);
        var expires = time.GetUtcNow() + options.Value.ForgetCodeLifetime;
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var entity = new TableEntity(TableKeys.Bot(botEmail), TableKeys.Id(userId))
        {
            ["Version"] = 1,
            ["Code"] = code,
            ["ExpiresAt"] = expires,
            ["Attempts"] = 0,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        return (code, expires);
    }

    /// <summary>Checks a code; on <see cref="ForgetCheck.Confirmed"/> the pending request is gone, so a replay finds nothing.</summary>
    public async Task<ForgetCheck> ConfirmAsync(string botEmail, long userId, string code, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var read = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Bot(botEmail), TableKeys.Id(userId), cancellationToken: ct).ConfigureAwait(false);
        if (!read.HasValue || read.Value is not { } entity)
            return ForgetCheck.NoPending;

        if (entity.GetDateTimeOffset("ExpiresAt") is not { } expires || expires <= time.GetUtcNow())
        {
            await DeleteQuietlyAsync(table, entity, ct).ConfigureAwait(false);
            return ForgetCheck.Expired;
        }

        var expected = entity.GetString("Code") ?? "";
        var given = (code ?? "").Trim().ToUpperInvariant();
        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(given)))
        {
            var attempts = (entity.GetInt32("Attempts") ?? 0) + 1;
            if (attempts >= options.Value.ForgetMaxAttempts)
            {
                await DeleteQuietlyAsync(table, entity, ct).ConfigureAwait(false);
                return ForgetCheck.TooManyAttempts;
            }
            entity["Attempts"] = attempts;
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Confirmed or replaced meanwhile: the wrong code still counts as wrong.
            }
            return ForgetCheck.WrongCode;
        }

        try
        {
            var deleted = await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, ct).ConfigureAwait(false);
            if (deleted.Status == 404)
                return ForgetCheck.NoPending;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Another instance confirmed the same code first (a re-sent webhook): that one does the erasing.
            return ForgetCheck.NoPending;
        }
        return ForgetCheck.Confirmed;
    }

    /// <summary>Drops a pending request; false when there was none.</summary>
    public async Task<bool> CancelAsync(string botEmail, long userId, CancellationToken ct)
    {
        return await DeleteUserAsync(botEmail, userId, ct).ConfigureAwait(false) > 0;
    }

    public async Task<int> DeleteUserAsync(string botEmail, long userId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var response = await table.DeleteEntityAsync(TableKeys.Bot(botEmail), TableKeys.Id(userId), ETag.All, ct).ConfigureAwait(false);
        return response.Status == 404 ? 0 : 1;
    }

    private static async Task DeleteQuietlyAsync(TableClient table, TableEntity entity, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
        }
    }
}
