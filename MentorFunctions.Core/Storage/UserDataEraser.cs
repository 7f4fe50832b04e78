using Microsoft.Extensions.Logging;

namespace MentorFunctions.Core.Storage;

/// <summary>A store that holds personal data and can delete everything it holds about one user of one bot.</summary>
public interface IPersonalDataStore
{
    /// <summary>A short name for reports and logs ("registry", "profiles", "audit", ...).</summary>
    string Name { get; }

    /// <summary>Deletes every record about the user (as mentor and as student); returns how many records went.</summary>
    Task<int> DeleteUserAsync(string botEmail, long userId, CancellationToken ct);
}

/// <summary>A store whose rows carry their own expiry; the privacy maintenance run deletes the expired ones.</summary>
public interface IExpiringRecords
{
    /// <summary>Deletes the rows past their expiry; returns how many went.</summary>
    Task<int> DeleteExpiredAsync(CancellationToken ct);
}

/// <summary>What one store deleted, or why it could not.</summary>
public sealed record StoreErasure(string Store, int Deleted, string? Error);

/// <summary>The outcome of erasing one user from every store.</summary>
public sealed record ErasureReport(long UserId, IReadOnlyList<StoreErasure> Stores)
{
    public bool Complete => Stores.All(s => s.Error is null);
    public int TotalDeleted => Stores.Sum(s => s.Deleted);
}

/// <summary>
/// Runs every registered <see cref="IPersonalDataStore"/> for one user. A failing store does not stop the others, so one
/// outage leaves as little behind as possible; the report says which store to retry (running it again is harmless).
/// </summary>
public sealed class UserDataEraser(IEnumerable<IPersonalDataStore> stores, ILogger<UserDataEraser> log)
{
    public async Task<ErasureReport> EraseAsync(string botEmail, long userId, CancellationToken ct)
    {
        var results = new List<StoreErasure>();
        foreach (var store in stores)
        {
            try
            {
                var deleted = await store.DeleteUserAsync(botEmail, userId, ct).ConfigureAwait(false);
                results.Add(new StoreErasure(store.Name, deleted, null));
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogError(e, "Erasing user {UserId} from store {Store} failed", userId, store.Name);
                results.Add(new StoreErasure(store.Name, 0, e.GetType().Name));
            }
        }
        var report = new ErasureReport(userId, results);
        log.LogInformation("Erased user {UserId}: {Deleted} records, complete {Complete}", userId, report.TotalDeleted, report.Complete);
        return report;
    }
}

/// <summary>The registry's share of erasure: the user's mentor record with its pairs, and every pair where they are the student.</summary>
public sealed class RegistryPersonalDataStore(IMentorRegistry registry) : IPersonalDataStore
{
    public string Name => "registry";

    public async Task<int> DeleteUserAsync(string botEmail, long userId, CancellationToken ct)
    {
        var deleted = 0;
        if (await registry.GetMentorAsync(botEmail, userId, ct).ConfigureAwait(false) is not null)
        {
            var students = await registry.ListStudentsAsync(botEmail, userId, ct).ConfigureAwait(false);
            if (await registry.RemoveMentorAsync(botEmail, userId, ct).ConfigureAwait(false))
                deleted += 1 + students.Count;
        }
        foreach (var pair in await registry.ListMentorsOfStudentAsync(botEmail, userId, ct).ConfigureAwait(false))
        {
            if (await registry.RemovePairAsync(botEmail, pair.MentorId, pair.StudentId, ct).ConfigureAwait(false))
                deleted++;
        }
        return deleted;
    }
}
