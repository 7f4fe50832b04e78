namespace MentorFunctions.Core.Commands;

/// <summary>Settings of the mentor and admin controls (configuration section "Controls").</summary>
public sealed class ControlsOptions
{
    public const string Section = "Controls";

    /// <summary>How long a `forget` confirmation code stays valid.</summary>
    public TimeSpan ForgetCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong codes allowed before a pending `forget` is dropped (the sender asks again).</summary>
    public int ForgetMaxAttempts { get; set; } = 5;

    /// <summary>How long a draft may wait for the mentor; an older one is stale for the student and is discarded.</summary>
    public TimeSpan DraftLifetime { get; set; } = TimeSpan.FromHours(24);
}
