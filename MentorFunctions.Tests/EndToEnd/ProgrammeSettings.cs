namespace MentorFunctions.Tests.EndToEnd;

/// <summary>The app settings the scripted programme runs under, and why.</summary>
public static class ProgrammeSettings
{
    /// <summary>
    /// MaxDelay 2 h: above every scripted mentor's 99th latency percentile, so the clamp does not cut the learned
    /// distribution. Typing speed at its maximum (100 chars/s, ~1 s): the scripted latencies are times to the mentor's
    /// answer, typing included, so adding typing time again would shift every AI delay. Urgency off: the scripted
    /// mentors do not answer urgent questions faster, so the learned latency already is the whole story. Quiet hours
    /// 22–07 UTC on: night bursts must wait for the morning. Style:AbandonedWaitAfter = MaxDelay: a student's
    /// message after that starts a new wait for latency learning (by then the stand-in has answered the old one).
    /// </summary>
    public static readonly TimeSpan AbandonedWaitAfter = TimeSpan.FromHours(2);

    public static Dictionary<string, string?> Default() => new()
    {
        ["Style:AbandonedWaitAfter"] = AbandonedWaitAfter.ToString(),
        ["Timing:MaxDelay"] = "02:00:00",
        ["Timing:TypingCharsPerSecond"] = "100",
        ["Timing:UrgencyStrength"] = "0",
        ["Timing:QuietHours:Enabled"] = "true",
        ["Timing:QuietHours:StartHourUtc"] = "22",
        ["Timing:QuietHours:EndHourUtc"] = "7",
    };
}
