namespace MentorFunctions.Tests.EndToEnd;

/// <summary>The app settings the scripted programme runs under, and why.</summary>
public static class ProgrammeSettings
{
    /// <summary>
    /// MaxDelay 2 h: above every scripted mentor's 99th latency percentile, so the clamp does not cut the learned
    /// distribution. Typing at its default speed: it is only a floor under the drawn
    /// delay (the scripted latencies are times to the mentor's answer, typing included). Urgency off: the scripted
    /// mentors do not answer urgent questions faster, so the learned latency already is the whole story. Quiet hours
    /// 22–07 UTC on: night bursts must wait for the morning.
    /// </summary>
    public static Dictionary<string, string?> Default() => new()
    {
        ["Timing:MaxDelay"] = "02:00:00",
        ["Timing:UrgencyStrength"] = "0",
        ["Timing:QuietHours:Enabled"] = "true",
        ["Timing:QuietHours:StartHourUtc"] = "22",
        ["Timing:QuietHours:EndHourUtc"] = "7",
    };
}
