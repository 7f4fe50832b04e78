using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorFunctions.Tests.Storage;

/// <summary>The cache decorator over the real table registry: reads counted by a second, independent registry instance.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MentorRegistryCacheTests(AzuriteFixture azurite)
{
    private const string Bot = "mentor-bot@zulip.example.com";
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly TableStore _store = azurite.CreateStore("cache");
    private readonly FakeTimeProvider _time = new(T0);

    private CachedMentorRegistry Cached(IMentorRegistry inner, TimeSpan? ttl = null) =>
        new(inner, Options.Create(new MentorRegistryOptions { CacheTtl = ttl ?? TimeSpan.FromSeconds(30) }), _time);

    private static MentorRecord Mentor(long id, ReplyMode mode = ReplyMode.Auto) => new(Bot, id, $"m{id}@x", $"M{id}", T0, mode);

    private static PairRecord Pair(long mentor, long student) =>
        new(Bot, mentor, student, "s@x", "S", T0, EnrolmentSource.Admin);

    [Fact]
    public async Task A_change_made_elsewhere_is_seen_once_the_ttl_has_passed()
    {
        var elsewhere = new TableMentorRegistry(_store); // another instance of the app
        var cached = Cached(new TableMentorRegistry(_store));

        Assert.Null(await cached.GetMentorAsync(Bot, 10));
        Assert.Null(await cached.GetPairAsync(Bot, 10, 20));
        await elsewhere.UpsertMentorAsync(Mentor(10));
        await elsewhere.EnrolAsync(Pair(10, 20));

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(await cached.GetMentorAsync(Bot, 10)); // the miss is cached too
        Assert.Null(await cached.GetPairAsync(Bot, 10, 20));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Mentor(10), await cached.GetMentorAsync(Bot, 10));
        Assert.Equal(Pair(10, 20), await cached.GetPairAsync(Bot, 10, 20));
    }

    [Fact]
    public async Task Own_writes_are_seen_at_once()
    {
        var cached = Cached(new TableMentorRegistry(_store));
        Assert.Null(await cached.GetMentorAsync(Bot, 10));
        Assert.Null(await cached.GetPairAsync(Bot, 10, 20));

        await cached.UpsertMentorAsync(Mentor(10));
        await cached.EnrolAsync(Pair(10, 20));
        Assert.Equal(Mentor(10), await cached.GetMentorAsync(Bot, 10));
        Assert.Equal(Pair(10, 20), await cached.GetPairAsync(Bot, 10, 20));

        await cached.UpsertMentorAsync(Mentor(10, ReplyMode.Off));
        Assert.Equal(ReplyMode.Off, (await cached.GetMentorAsync(Bot, 10))!.Mode);

        await cached.RemovePairAsync(Bot, 10, 20);
        Assert.Null(await cached.GetPairAsync(Bot, 10, 20));

        await cached.EnrolAsync(Pair(10, 21));
        Assert.NotNull(await cached.GetPairAsync(Bot, 10, 21));
        await cached.RemoveMentorAsync(Bot, 10);
        Assert.Null(await cached.GetMentorAsync(Bot, 10));
        Assert.Null(await cached.GetPairAsync(Bot, 10, 21));
    }

    [Fact]
    public async Task Repeated_reads_within_the_ttl_reach_storage_once()
    {
        var counting = new CountingRegistry(new TableMentorRegistry(_store));
        var cached = Cached(counting);
        await cached.UpsertMentorAsync(Mentor(10));

        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(await cached.GetMentorAsync(Bot.ToUpperInvariant(), 10));
            Assert.Null(await cached.GetPairAsync(Bot, 10, 20));
            _time.Advance(TimeSpan.FromSeconds(5));
        }
        Assert.Equal(1, counting.MentorReads);
        Assert.Equal(1, counting.PairReads);

        _time.Advance(TimeSpan.FromSeconds(10));
        await cached.GetMentorAsync(Bot, 10);
        Assert.Equal(2, counting.MentorReads);
    }

    [Fact]
    public async Task A_zero_ttl_turns_the_cache_off()
    {
        var counting = new CountingRegistry(new TableMentorRegistry(_store));
        var cached = Cached(counting, TimeSpan.Zero);
        await cached.GetMentorAsync(Bot, 10);
        await cached.GetMentorAsync(Bot, 10);
        Assert.Equal(2, counting.MentorReads);
    }

    private sealed class CountingRegistry(IMentorRegistry inner) : IMentorRegistry
    {
        public int MentorReads;
        public int PairReads;

        public Task<MentorRecord?> GetMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref MentorReads);
            return inner.GetMentorAsync(botEmail, mentorId, cancellationToken);
        }

        public Task<PairRecord?> GetPairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref PairReads);
            return inner.GetPairAsync(botEmail, mentorId, studentId, cancellationToken);
        }

        public Task<MentorRecord?> UpdateMentorAsync(string botEmail, long mentorId, Func<MentorRecord?, MentorRecord?> change, CancellationToken cancellationToken = default) =>
            inner.UpdateMentorAsync(botEmail, mentorId, change, cancellationToken);
        public Task<bool> RemoveMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) => inner.RemoveMentorAsync(botEmail, mentorId, cancellationToken);
        public Task<IReadOnlyList<MentorRecord>> ListMentorsAsync(string botEmail, CancellationToken cancellationToken = default) => inner.ListMentorsAsync(botEmail, cancellationToken);
        public Task<PairRecord> EnrolAsync(PairRecord pair, CancellationToken cancellationToken = default) => inner.EnrolAsync(pair, cancellationToken);
        public Task<bool> RemovePairAsync(string botEmail, long mentorId, long studentId, CancellationToken cancellationToken = default) => inner.RemovePairAsync(botEmail, mentorId, studentId, cancellationToken);
        public Task<IReadOnlyList<PairRecord>> ListStudentsAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) => inner.ListStudentsAsync(botEmail, mentorId, cancellationToken);
        public Task<IReadOnlyList<PairRecord>> ListMentorsOfStudentAsync(string botEmail, long studentId, CancellationToken cancellationToken = default) => inner.ListMentorsOfStudentAsync(botEmail, studentId, cancellationToken);
    }
}
