using System.ComponentModel.DataAnnotations;

namespace MentorFunctions.Core.Timing;

/// <summary>How humanlike reply delays are chosen (configuration section "Timing").</summary>
public sealed class TimingOptions
{
    public const string Section = "Timing";

    /// <summary>No reply comes sooner than this after the student's latest message.</summary>
    public TimeSpan MinDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>No reply comes later than this after the burst's first student message (outside quiet hours).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(1800);

    /// <summary>Used when the snapshot's latency model is unusable (NaN, non-positive spread).</summary>
    public TimeSpan FallbackMedianDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How fast the mentor "types": no delay is shorter than the expected reply length / this many characters a second.
    /// A floor, not an addition: the learned latencies already include the mentor's typing.
    /// </summary>
    [Range(0.5, 100)]
    public double TypingCharsPerSecond { get; set; } = 6;

    /// <summary>How much a fully urgent message (urgency 1) shortens the delay: 0.75 means to a quarter.</summary>
    [Range(0, 0.95)]
    public double UrgencyStrength { get; set; } = 0.75;

    /// <summary>After the latest message of a burst, leave the student this long to finish typing.</summary>
    public TimeSpan BurstSettle { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Quiet hours (UTC) during which no reply is posted; off by default.</summary>
    public QuietHoursOptions QuietHours { get; set; } = new();
}

/// <summary>
/// The deployment's quiet hours, in whole hours of <see cref="TimeZone"/> (UTC unless set); a mentor's own quiet hours
/// (the `quiet` command) take precedence. Start 22, End 7 spans midnight.
/// </summary>
public sealed class QuietHoursOptions
{
    public bool Enabled { get; set; }

    [Range(0, 23)]
    public int StartHourUtc { get; set; } = 22;

    [Range(0, 23)]
    public int EndHourUtc { get; set; } = 7;

    /// <summary>After quiet hours, look this many hours ahead for an hour the mentor is usually active.</summary>
    [Range(0, 12)]
    public int ActiveHourSearchHours { get; set; } = 4;

    /// <summary>An IANA time zone id for the hours above ("Europe/Lisbon"); UTC when blank.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The window these options describe, or null when off or invalid.</summary>
    public QuietWindow? Window => Enabled ? QuietWindow.Create(StartHourUtc, EndHourUtc, TimeZone) : null;

    /// <summary>True when <paramref name="at"/> lies inside the window.</summary>
    public bool Contains(DateTimeOffset at) => Window?.Contains(at) ?? false;

    /// <summary>The first instant at or after <paramref name="at"/> that lies outside the window.</summary>
    public DateTimeOffset EndOf(DateTimeOffset at) => Window?.EndOf(at) ?? at;
}
