using System.ComponentModel.DataAnnotations;

namespace MentorFunctions.Core.Privacy;

/// <summary>How long records about conversations are kept (configuration section "Privacy").</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Audit entries (ids, outcomes, delays, tokens; reply text only with Replies:AuditIncludeContent) older than this are deleted.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Reply-ledger entries are deleted this long after their last change. A reply is over well within a day (MaxDelay,
    /// then the step's retries); a reply whose step failed for good would otherwise keep its composed text.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan LedgerRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Reply-limit counters (hourly and daily) are deleted this long after their last change.</summary>
    [Range(typeof(TimeSpan), "2.00:00:00", "30.00:00:00")]
    public TimeSpan CounterRetention { get; set; } = TimeSpan.FromDays(2);
}
