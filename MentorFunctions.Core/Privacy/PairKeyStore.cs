using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Core.Privacy;

/// <summary>
/// One random 256-bit key per mentor–student pair (table "pairkeys"), under which the pair's message text travels
/// through Durable's payloads. `forget` deletes the key, which makes every copy left in the task hub unreadable
/// (crypto-shredding), whatever the backend keeps.
/// </summary>
public sealed class PairKeyStore(TableStore tables, TimeProvider time) : IPersonalDataStore
{
    internal const string TableName = "pairkeys";

    // A forgotten key must stop working quickly on every instance; a short cache saves a read per message.
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, (byte[]? Key, DateTimeOffset Until)> _cache = new();

    public string Name => "pair keys";

    /// <summary>The pair's key, created on first use.</summary>
    public async Task<byte[]> GetOrCreateAsync(ConversationKey pair, CancellationToken ct)
    {
        if (await GetAsync(pair, ct).ConfigureAwait(false) is { } existing)
            return existing;
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            await table.AddEntityAsync(new TableEntity(TableKeys.Bot(pair.BotEmail), Row(pair)) { ["Version"] = 1, ["Key"] = key }, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Another instance created it first: use theirs.
            _cache.TryRemove(CacheKey(pair), out _);
            return await GetAsync(pair, ct).ConfigureAwait(false) ?? throw new InvalidOperationException("The pair key vanished while being created.");
        }
        _cache[CacheKey(pair)] = (key, time.GetUtcNow() + CacheLifetime);
        return key;
    }

    /// <summary>The pair's key, or null when there is none (never made, or forgotten).</summary>
    public async Task<byte[]?> GetAsync(ConversationKey pair, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(CacheKey(pair), out var cached) && cached.Until > now && cached.Key is not null)
            return cached.Key;
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var read = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Bot(pair.BotEmail), Row(pair), cancellationToken: ct).ConfigureAwait(false);
        var key = read.HasValue ? read.Value?.GetBinary("Key") : null;
        if (key is not null)
            _cache[CacheKey(pair)] = (key, now + CacheLifetime);
        return key;
    }

    public async Task<int> DeleteUserAsync(string botEmail, long userId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var id = TableKeys.Id(userId);
        foreach (var k in _cache.Keys.Where(k => k.Contains(id, StringComparison.Ordinal)))
            _cache.TryRemove(k, out _);
        return await table.DeleteWhereAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Bot(botEmail)}"),
            (_, rk) => rk.Split('-').Contains(id), ct).ConfigureAwait(false);
    }

    private static string Row(ConversationKey pair) => TableKeys.Id(pair.MentorId) + "-" + TableKeys.Id(pair.StudentId);

    private static string CacheKey(ConversationKey pair) => TableKeys.Bot(pair.BotEmail) + "|" + Row(pair);
}
