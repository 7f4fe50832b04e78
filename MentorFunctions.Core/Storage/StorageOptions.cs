namespace MentorFunctions.Core.Storage;

/// <summary>Where the app keeps its own tables (configuration section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>A connection string (Azurite locally: "UseDevelopmentStorage=true"). Takes precedence over <see cref="TableServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table endpoint in Azure (https://&lt;account&gt;.table.core.windows.net), used with managed identity.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Prefix for every table name, so several deployments or test runs can share one account.</summary>
    public string TablePrefix { get; set; } = "mentor";
}
