namespace MentorFunctions.Core.Timing;

/// <summary>
/// A daily window of whole local hours in a time zone, that replies are moved out of. Start 22, end 7 spans midnight.
/// Local time, so "22–07 Europe/Lisbon" keeps meaning the mentor's night across daylight-saving changes.
/// </summary>
public sealed record QuietWindow(int StartHour, int EndHour, TimeZoneInfo Zone)
{
    /// <summary>The window, or null when the hours or the zone are not valid (a bad setting must not stop replies).</summary>
    public static QuietWindow? Create(int startHour, int endHour, string? timeZone)
    {
        if (startHour is < 0 or > 23 || endHour is < 0 or > 23 || startHour == endHour)
            return null;
        return TryFindZone(timeZone) is { } zone ? new QuietWindow(startHour, endHour, zone) : null;
    }

    /// <summary>An IANA (or Windows) time zone id, or UTC when blank; null when unknown.</summary>
    public static TimeZoneInfo? TryFindZone(string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(timeZone))
            return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZone.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    public bool Contains(DateTimeOffset at)
    {
        var hour = TimeZoneInfo.ConvertTime(at, Zone).Hour;
        return StartHour < EndHour
            ? hour >= StartHour && hour < EndHour
            : hour >= StartHour || hour < EndHour;
    }

    /// <summary>The first instant at or after <paramref name="at"/> outside the window (the local end hour).</summary>
    public DateTimeOffset EndOf(DateTimeOffset at)
    {
        if (!Contains(at))
            return at;
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        for (var day = 0; day <= 1; day++)
        {
            var date = local.Date.AddDays(day);
            var end = new DateTime(date.Year, date.Month, date.Day, EndHour, 0, 0, DateTimeKind.Unspecified);
            // An end hour skipped by a daylight-saving jump starts an hour later.
            while (Zone.IsInvalidTime(end)) end = end.AddHours(1);
            var endAt = new DateTimeOffset(end, Zone.GetUtcOffset(end));
            if (endAt > at)
                return endAt;
        }
        return at.AddHours(24);
    }

    public override string ToString() => $"{StartHour:00}:00–{EndHour:00}:00 {Zone.Id}";
}
