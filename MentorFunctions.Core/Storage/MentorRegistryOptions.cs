namespace MentorFunctions.Core.Storage;

/// <summary>Registry settings (configuration section "MentorRegistry").</summary>
public sealed class MentorRegistryOptions
{
    public const string Section = "MentorRegistry";

    /// <summary>
    /// How long a mentor or pair lookup (including "not found") is reused. Every webhook call looks both up; changes made
    /// through this process are seen at once, changes made elsewhere (another instance) after at most this long.
    /// Zero turns the cache off.
    /// </summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(30);
}
