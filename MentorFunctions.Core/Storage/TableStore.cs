using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace MentorFunctions.Core.Storage;

/// <summary>
/// Hands out the app's tables by short name ("mentors", "profiles", ...), prefixed and created on first use.
/// One instance per process: creation is remembered so it costs one round trip per table per process.
/// </summary>
public sealed class TableStore
{
    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public TableStore(TableServiceClient service, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (string.IsNullOrEmpty(tablePrefix) || !tablePrefix.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(tablePrefix[0]))
            throw new ArgumentException("A table prefix is letters and digits, starting with a letter.", nameof(tablePrefix));
        _service = service;
        _prefix = tablePrefix;
    }

    /// <summary>The underlying service client (for the rare caller that lists or deletes tables).</summary>
    public TableServiceClient Service => _service;

    /// <summary>The full table name for a short name.</summary>
    public string TableName(string shortName) => _prefix + shortName;

    /// <summary>The table for a short name (letters and digits), created if it does not exist yet.</summary>
    public Task<TableClient> GetTableAsync(string shortName, CancellationToken cancellationToken = default)
    {
        var lazy = _tables.GetOrAdd(shortName, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failed creation (storage briefly unreachable) must not poison the table for the life of the process.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(shortName, lazy));
        }
        return task.WaitAsync(cancellationToken);
    }

    private async Task<TableClient> CreateAsync(string shortName)
    {
        var client = _service.GetTableClient(TableName(shortName));
        try
        {
            await client.CreateIfNotExistsAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Created concurrently by another process: fine.
        }
        return client;
    }
}
