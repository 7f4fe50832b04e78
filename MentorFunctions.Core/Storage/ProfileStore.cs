using Azure;
using Azure.Data.Tables;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Storage;

/// <summary>
/// Style profiles in Table Storage. A mentor's profile and all their pair profiles share one partition
/// (PK = bot|mentor; RK = "mentor" or "pair-&lt;student&gt;"), so one message is one entity-group transaction over at most
/// two entities, guarded by ETags: a conflict re-reads, re-applies and retries with jittered backoff, so concurrent
/// writers lose no update. The pair entity carries the recently counted message ids, so a message is counted once.
/// </summary>
public sealed class ProfileStore : IMessageRecorder, IStyleProfileReader
{
    public const string TableShortName = "profiles";
    public const string MentorRow = "mentor";
    private const string DataProperty = "Data";
    private const string VersionProperty = "V";
    private const string MessagesProperty = "Messages";

    private readonly TableStore _tables;
    private readonly TimeProvider _time;
    private readonly StyleOptions _options;
    private readonly StylePrior _prior;
    private readonly ILogger<ProfileStore> _logger;
    private readonly MentorMetrics? _metrics;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, OrganisationPattern> _organisation = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _organisationRefresh = new(1, 1);
    private long _conflicts;

    private sealed record OrganisationPattern(DateTimeOffset ReadAt, Timing.OrganisationWeek Week);

    public ProfileStore(TableStore tables, TimeProvider time, IOptions<StyleOptions> options, ILogger<ProfileStore>? logger = null, StylePrior? prior = null,
        MentorMetrics? metrics = null)
    {
        _metrics = metrics;
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options?.Value ?? new StyleOptions();
        _logger = logger ?? NullLogger<ProfileStore>.Instance;
        _prior = prior ?? StylePrior.Default;
    }

    /// <summary>Write conflicts this instance met and retried (for tests and diagnostics).</summary>
    internal long Conflicts => Interlocked.Read(ref _conflicts);

    public static string PartitionKey(string botEmail, long mentorId) => TableKeys.Bot(botEmail) + "|" + TableKeys.Id(mentorId);
    public static string PairRow(long studentId) => "pair-" + TableKeys.Id(studentId);

    public async Task<bool> RecordAsync(ConversationKey conversation, ConversationMessage message, CancellationToken ct = default)
    {
        Validate(conversation, message);
        var table = await _tables.GetTableAsync(TableShortName, ct).ConfigureAwait(false);
        var pk = PartitionKey(conversation.BotEmail, conversation.MentorId);
        var pairRow = PairRow(conversation.StudentId);
        var isMentor = message.Role == ParticipantRole.Mentor;

        for (var attempt = 1; ; attempt++)
        {
            var pairRead = ReadRawAsync(table, pk, pairRow, ct);
            var mentorRead = isMentor ? ReadRawAsync(table, pk, MentorRow, ct) : Task.FromResult<TableEntity?>(null);
            var pairEntity = await pairRead.ConfigureAwait(false);
            var mentorEntity = await mentorRead.ConfigureAwait(false);

            var (pairProfile, ledger) = DecodeForWrite(pairEntity);
            if (!ledger.TryMarkCounted(message.MessageId))
            {
                _logger.LogDebug("Message {MessageId} of {InstanceId} was already counted", message.MessageId, conversation.InstanceId);
                return false;
            }

            var actions = new List<TableTransactionAction>(2);
            if (isMentor)
            {
                var (mentorProfile, _) = DecodeForWrite(mentorEntity);
                StyleLearner.Record(message, ledger, pairProfile, mentorProfile, _options);
                actions.Add(Write(pk, MentorRow, mentorProfile, null, mentorEntity));
            }
            else
            {
                StyleLearner.Record(message, ledger, pairProfile, null, _options);
            }
            actions.Add(Write(pk, pairRow, pairProfile, ledger, pairEntity));

            try
            {
                await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                _logger.LogDebug("Counted message {MessageId} of {InstanceId} ({Role}) after {Attempts} attempt(s)",
                    message.MessageId, conversation.InstanceId, message.Role, attempt);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 412 or 409)
            {
                Interlocked.Increment(ref _conflicts);
                _metrics?.ProfileWriteConflict();
                if (attempt >= _options.MaxWriteAttempts)
                {
                    _logger.LogWarning("Profile write for {InstanceId} still conflicting after {Attempts} attempts", conversation.InstanceId, attempt);
                    throw new TransientStepException($"The style profile kept changing under {attempt} write attempts.", inner: e);
                }
                await Task.Delay(Backoff(attempt), _time, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Merges a profile learned elsewhere (an imported history) into the mentor's stored one, and pair profiles into
    /// theirs, in one entity-group transaction guarded by ETags (a conflict re-reads and re-merges, as
    /// <see cref="RecordAsync"/> does). The transaction also adds the row "import-&lt;id&gt;", so an import sent twice
    /// merges once: the second call finds the row and changes nothing. The stored ledgers are kept as they are (the
    /// imported messages are from other conversations than the bot's, and must not open a wait).
    /// </summary>
    public async Task<ProfileImportOutcome> MergeImportAsync(string botEmail, long mentorId, string importId, StyleProfile mentor,
        IReadOnlyDictionary<long, StyleProfile> pairs, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botEmail);
        ArgumentException.ThrowIfNullOrWhiteSpace(importId);
        ArgumentNullException.ThrowIfNull(mentor);
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count > 98) throw new ArgumentException("At most 98 pair profiles merge in one transaction.", nameof(pairs));
        var table = await _tables.GetTableAsync(TableShortName, ct).ConfigureAwait(false);
        var pk = PartitionKey(botEmail, mentorId);
        var marker = ImportRow(importId);
        for (var attempt = 1; ; attempt++)
        {
            if (await ReadRawAsync(table, pk, marker, ct).ConfigureAwait(false) is not null)
                return new ProfileImportOutcome(false, 0, 0);
            var mentorEntity = await ReadRawAsync(table, pk, MentorRow, ct).ConfigureAwait(false);
            var (stored, _) = DecodeForWrite(mentorEntity);
            var before = stored.Messages;
            // A merge changes only the stored side, so a retry after a conflict merges the same upload again.
            StyleProfileMerge.Merge(stored, mentor, _options.LatencyHalfLife);
            var actions = new List<TableTransactionAction>(pairs.Count + 2) { Write(pk, MentorRow, stored, null, mentorEntity) };
            foreach (var (studentId, pair) in pairs.OrderBy(p => p.Key))
            {
                var rk = PairRow(studentId);
                var pairEntity = await ReadRawAsync(table, pk, rk, ct).ConfigureAwait(false);
                var (storedPair, ledger) = DecodeForWrite(pairEntity);
                StyleProfileMerge.Merge(storedPair, pair, _options.LatencyHalfLife);
                actions.Add(Write(pk, rk, storedPair, ledger, pairEntity));
            }
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity(pk, marker) { ["At"] = _time.GetUtcNow(), ["Messages"] = mentor.Messages }));
            try
            {
                await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                _logger.LogInformation("Merged import {ImportId} into mentor {MentorId}'s profile ({Before} -> {After} messages, {Pairs} pairs)",
                    importId, mentorId, before, stored.Messages, pairs.Count);
                return new ProfileImportOutcome(true, before, stored.Messages);
            }
            catch (RequestFailedException e) when (e.Status is 412 or 409)
            {
                Interlocked.Increment(ref _conflicts);
                _metrics?.ProfileWriteConflict();
                if (attempt >= _options.MaxWriteAttempts)
                    throw new TransientStepException($"The style profile kept changing under {attempt} import attempts.", inner: e);
                await Task.Delay(Backoff(attempt), _time, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The row that marks an import as merged (ids are [A-Za-z0-9-], checked by the caller).</summary>
    public static string ImportRow(string importId) => "import-" + importId;

    public async Task<StyleSnapshot> ReadForReplyAsync(ConversationKey conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var table = await _tables.GetTableAsync(TableShortName, cancellationToken).ConfigureAwait(false);
        var pk = PartitionKey(conversation.BotEmail, conversation.MentorId);
        var mentorRead = ReadRawAsync(table, pk, MentorRow, cancellationToken);
        var pairRead = ReadRawAsync(table, pk, PairRow(conversation.StudentId), cancellationToken);
        var organisation = OrganisationActivityAsync(conversation.BotEmail, cancellationToken);
        var mentor = DecodeForRead(await mentorRead.ConfigureAwait(false), conversation.MentorId);
        var pair = DecodeForRead(await pairRead.ConfigureAwait(false), conversation.MentorId);
        return StyleBlend.Read(conversation.MentorId, mentor, pair, _prior, exemplarsFromPairOnly: true,
            organisationActivity: await organisation.ConfigureAwait(false));
    }

    public async Task<StyleSnapshot> ReadMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default)
    {
        var table = await _tables.GetTableAsync(TableShortName, cancellationToken).ConfigureAwait(false);
        var organisation = OrganisationActivityAsync(botEmail, cancellationToken);
        var entity = await ReadRawAsync(table, PartitionKey(botEmail, mentorId), MentorRow, cancellationToken).ConfigureAwait(false);
        return StyleBlend.Read(mentorId, DecodeForRead(entity, mentorId), null, _prior, organisationActivity: await organisation.ConfigureAwait(false));
    }

    /// <summary>
    /// The programme's week: every mentor profile of the bot, the clock hours they wrote in by hour of week, summed and smoothed, with the
    /// concentration the mentors' own data supports (<see cref="Timing.ActivityPattern.Organisation"/>): the prior of
    /// each mentor's active hours. Read with one query and kept for <see cref="StyleOptions.OrganisationActivityRefresh"/>:
    /// it moves slowly, and nothing is stored, so a forgotten mentor's hours leave it when it is next read. Unknown when
    /// no mentor has written yet; a failed read is unknown too (each mentor's own habit is then the whole prior), logged,
    /// and tried again after a minute.
    /// </summary>
    public async Task<Timing.OrganisationWeek> OrganisationActivityAsync(string botEmail, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botEmail);
        var now = _time.GetUtcNow();
        var found = _organisation.TryGetValue(botEmail, out var cached);
        if (found && now - cached!.ReadAt < _options.OrganisationActivityRefresh)
            return cached.Week;
        // One refresh at a time: replies that arrive meanwhile use the week read before, if there is one.
        if (!await _organisationRefresh.WaitAsync(found ? TimeSpan.Zero : Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false))
            return cached!.Week;
        try
        {
            if (_organisation.TryGetValue(botEmail, out cached) && now - cached.ReadAt < _options.OrganisationActivityRefresh)
                return cached.Week;
            return await ReadOrganisationActivityAsync(botEmail, now, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _organisationRefresh.Release();
        }
    }

    /// <summary>Drops this instance's programme week of the bot, so the next reply sums it anew (after `forget`).</summary>
    public void ForgetOrganisationActivity(string botEmail) => _organisation.TryRemove(botEmail, out _);

    private static long MentorIdOf(string partitionKey) =>
        long.TryParse(partitionKey.AsSpan(partitionKey.LastIndexOf('|') + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0;

    private async Task<Timing.OrganisationWeek> ReadOrganisationActivityAsync(string botEmail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var table = await _tables.GetTableAsync(TableShortName, cancellationToken).ConfigureAwait(false);
            var mentors = new List<(long[] Hours, bool FromMessages)>();
            var filter = TableClientExtensions.PartitionPrefixFilter(TableKeys.Bot(botEmail) + "|")
                + " and " + TableClient.CreateQueryFilter($"RowKey eq {MentorRow}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
                if (DecodeForRead(entity, MentorIdOf(entity.PartitionKey)) is { } profile) mentors.Add((profile.ActiveHours, profile.ActiveHoursFromMessages));
            var week = Timing.ActivityPattern.Organisation(mentors);
            _organisation[botEmail] = new OrganisationPattern(now, week);
            return week;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Reading the programme's active hours failed ({Error}); each mentor's own habit is the prior", e.GetType().Name);
            _organisation[botEmail] = new OrganisationPattern(now - _options.OrganisationActivityRefresh + TimeSpan.FromMinutes(1), Timing.OrganisationWeek.None);
            return Timing.OrganisationWeek.None;
        }
    }

    /// <summary>Erases everything learned of a mentor: their profile and every pair profile.</summary>
    public async Task DeleteMentorProfilesAsync(string botEmail, long mentorId, CancellationToken ct = default)
    {
        var table = await _tables.GetTableAsync(TableShortName, ct).ConfigureAwait(false);
        var pk = PartitionKey(botEmail, mentorId);
        var rows = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == pk, select: ["RowKey"], cancellationToken: ct).ConfigureAwait(false))
            rows.Add(e.RowKey);
        foreach (var chunk in rows.Chunk(100))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(pk, rk), ETag.All)), ct)
                    .ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // One vanished meanwhile; delete the rest one by one.
                foreach (var rk in chunk) await DeleteOneAsync(table, pk, rk, ct).ConfigureAwait(false);
            }
        }
        _logger.LogInformation("Deleted {Count} style profile entities of mentor {MentorId}", rows.Count, mentorId);
    }

    /// <summary>
    /// Erases what was learned in one pair. The mentor-wide profile keeps the aggregate counts it drew from the pair
    /// (they cannot be subtracted from sketches); <see cref="DeleteMentorProfilesAsync"/> erases those.
    /// </summary>
    public async Task DeletePairProfileAsync(string botEmail, long mentorId, long studentId, CancellationToken ct = default)
    {
        var table = await _tables.GetTableAsync(TableShortName, ct).ConfigureAwait(false);
        await DeleteOneAsync(table, PartitionKey(botEmail, mentorId), PairRow(studentId), ct).ConfigureAwait(false);
        _logger.LogInformation("Deleted the style profile of pair {MentorId}/{StudentId}", mentorId, studentId);
    }

    private static Task DeleteOneAsync(TableClient table, string pk, string rk, CancellationToken ct) =>
        table.DeleteIfExistsAsync(pk, rk, ct);

    private static void Validate(ConversationKey conversation, ConversationMessage message)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(conversation.BotEmail)) throw new ArgumentException("The conversation has no bot email.", nameof(conversation));
        if (conversation.MentorId <= 0 || conversation.StudentId <= 0 || conversation.MentorId == conversation.StudentId)
            throw new ArgumentException("A conversation needs distinct positive mentor and student ids.", nameof(conversation));
        if (message.MessageId <= 0) throw new ArgumentException("A message id is positive.", nameof(message));
        if (message.Content is null) throw new ArgumentException("A message has content.", nameof(message));
        var expected = message.Role switch
        {
            ParticipantRole.Mentor => conversation.MentorId,
            ParticipantRole.Student => conversation.StudentId,
            _ => throw new ArgumentException($"Unknown participant role {message.Role}.", nameof(message)),
        };
        if (message.SenderId != expected)
            throw new ArgumentException($"The {message.Role} message's sender is not the conversation's {message.Role}.", nameof(message));
    }

    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(_options.MaxBackoff.TotalMilliseconds, _options.BaseBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16)));
        // Full jitter: contending writers spread out instead of colliding again in lockstep.
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    private static async Task<TableEntity?> ReadRawAsync(TableClient table, string pk, string rk, CancellationToken ct)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: ct).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private static (StyleProfile Profile, PairLedger Ledger) DecodeForWrite(TableEntity? entity)
    {
        if (entity is null) return (new StyleProfile(), new PairLedger());
        var data = entity.GetBinary(DataProperty) ?? throw new ProfileFormatException($"Profile {entity.RowKey} has no data.");
        var (profile, ledger, version) = ProfileCodec.Deserialize(data);
        if (version > ProfileFormat.CurrentVersion)
            throw new ProfileFormatException($"Profile {entity.RowKey} was written by a newer version ({version}); this version will not overwrite it.");
        return (profile, ledger);
    }

    private StyleProfile? DecodeForRead(TableEntity? entity, long mentorId)
    {
        if (entity?.GetBinary(DataProperty) is not { } data) return null;
        try
        {
            return ProfileCodec.Deserialize(data).Profile;
        }
        catch (ProfileFormatException e)
        {
            // A reply still goes out in the prior's style; the record step reports the damage when it next writes.
            _logger.LogWarning(e, "Unreadable style profile {RowKey} of mentor {MentorId}; using the prior", entity.RowKey, mentorId);
            return null;
        }
    }

    private static TableTransactionAction Write(string pk, string rk, StyleProfile profile, PairLedger? ledger, TableEntity? existing)
    {
        var entity = new TableEntity(pk, rk)
        {
            [VersionProperty] = ProfileFormat.CurrentVersion,
            [MessagesProperty] = profile.Messages,
            [DataProperty] = ProfileCodec.Serialize(profile, ledger),
        };
        return existing is null
            ? new TableTransactionAction(TableTransactionActionType.Add, entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, existing.ETag);
    }
}

/// <summary>What an import did: whether it merged (false: this import id was merged before), and the mentor's message counts.</summary>
public sealed record ProfileImportOutcome(bool Merged, long MessagesBefore, long MessagesAfter);
