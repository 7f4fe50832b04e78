using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Storage;

/// <summary>
/// Caches the two lookups every webhook call makes (<see cref="GetMentorAsync"/>, <see cref="GetPairAsync"/>), misses
/// included, for <see cref="MentorRegistryOptions.CacheTtl"/>. Writes through this instance invalidate at once; lists
/// are not cached.
/// </summary>
public sealed class CachedMentorRegistry : IMentorRegistry
{
    // A crude bound: far above any real organisation's mentors and pairs, it only stops unbounded growth.
    private const int MaxEntries = 50_000;

    private readonly IMentorRegistry _inner;
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;
    private readonly ConcurrentDictionary<MentorKey, Entry<MentorRecord>> _mentors = new();
    private readonly ConcurrentDictionary<PairKey, Entry<PairRecord>> _pairs = new();

    // Bumped by every write; a read that started before a write does not cache what it fetched, so a slow read cannot
    // put back what the write just invalidated.
    private long _generation;

    public CachedMentorRegistry(IMentorRegistry inner, IOptions<MentorRegistryOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _time = time;
        _ttl = options.Value.CacheTtl;
    }

    public async Task<MentorRecord?> GetMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default)
    {
        var key = new MentorKey(TableKeys.Bot(botEmail), mentorId);
        var now = _time.GetTimestamp();
        if (_mentors.TryGetValue(key, out var hit) && hit.IsFresh(now, _time))
            return hit.Value;
        var generation = Volatile.Read(ref _generation);
        var value = await _inner.GetMentorAsync(botEmail, mentorId, cancellationToken).ConfigureAwait(false);
        Store(_mentors, key, value, generation, now);
        return value;
    }

    public async Task<PairRecord?> GetPairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default)
    {
        var key = new PairKey(TableKeys.Bot(botEmail), mentorId, studentId);
        var now = _time.GetTimestamp();
        if (_pairs.TryGetValue(key, out var hit) && hit.IsFresh(now, _time))
            return hit.Value;
        var generation = Volatile.Read(ref _generation);
        var value = await _inner.GetPairAsync(botEmail, mentorId, studentId, cancellationToken).ConfigureAwait(false);
        Store(_pairs, key, value, generation, now);
        return value;
    }

    /// <summary>Goes to storage: the change applies to the stored record, never to this cache's copy.</summary>
    public async Task<MentorRecord?> UpdateMentorAsync(string botEmail, long mentorId, Func<MentorRecord?, MentorRecord?> change,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await _inner.UpdateMentorAsync(botEmail, mentorId, change, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Invalidate();
            _mentors.TryRemove(new MentorKey(TableKeys.Bot(botEmail), mentorId), out _);
        }
    }

    public async Task<bool> RemoveMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _inner.RemoveMentorAsync(botEmail, mentorId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Invalidate();
            var bot = TableKeys.Bot(botEmail);
            _mentors.TryRemove(new MentorKey(bot, mentorId), out _);
            foreach (var key in _pairs.Keys)
            {
                if (key.MentorId == mentorId && key.Bot == bot)
                    _pairs.TryRemove(key, out _);
            }
        }
    }

    public async Task<PairRecord> EnrolAsync(PairRecord pair, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pair);
        try
        {
            return await _inner.EnrolAsync(pair, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Invalidate();
            _pairs.TryRemove(new PairKey(TableKeys.Bot(pair.BotEmail), pair.MentorId, pair.StudentId), out _);
        }
    }

    public async Task<bool> RemovePairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _inner.RemovePairAsync(botEmail, mentorId, studentId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Invalidate();
            _pairs.TryRemove(new PairKey(TableKeys.Bot(botEmail), mentorId, studentId), out _);
        }
    }

    public Task<IReadOnlyList<MentorRecord>> ListMentorsAsync(string botEmail, CancellationToken cancellationToken = default) =>
        _inner.ListMentorsAsync(botEmail, cancellationToken);

    public Task<IReadOnlyList<PairRecord>> ListStudentsAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) =>
        _inner.ListStudentsAsync(botEmail, mentorId, cancellationToken);

    public Task<IReadOnlyList<PairRecord>> ListMentorsOfStudentAsync(string botEmail, long studentId, CancellationToken cancellationToken = default) =>
        _inner.ListMentorsOfStudentAsync(botEmail, studentId, cancellationToken);

    private void Invalidate() => Interlocked.Increment(ref _generation);

    private void Store<TKey, TValue>(ConcurrentDictionary<TKey, Entry<TValue>> cache, TKey key, TValue? value, long generation, long fetchedAt)
        where TKey : notnull where TValue : class
    {
        if (_ttl <= TimeSpan.Zero || Volatile.Read(ref _generation) != generation)
            return;
        if (cache.Count >= MaxEntries)
            cache.Clear();
        // The age counts from before the fetch, so an entry never outlives the TTL measured from when it was read.
        cache[key] = new Entry<TValue>(value, fetchedAt, _ttl);
    }

    private readonly record struct MentorKey(string Bot, long MentorId);

    private readonly record struct PairKey(string Bot, long MentorId, long StudentId);

    private sealed record Entry<TValue>(TValue? Value, long FetchedAt, TimeSpan Ttl) where TValue : class
    {
        public bool IsFresh(long now, TimeProvider time) => time.GetElapsedTime(FetchedAt, now) < Ttl;
    }
}
