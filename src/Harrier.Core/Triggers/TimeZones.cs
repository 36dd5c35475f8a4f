namespace Harrier.Core.Triggers;

/// <summary>Time zones by IANA id (what Kestra's <c>timezone</c> properties take), from this machine's tz database.</summary>
public static class TimeZones
{
    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase) || string.Equals(id, "Z", StringComparison.Ordinal))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        // Windows ids convert too, but ids with path tricks never reach the tz files.
        if (id.Length == 0 || id.Contains("..", StringComparison.Ordinal))
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }

    /// <summary>The server's zone, Kestra's default for schedules without <c>timezone</c>.</summary>
    public static TimeZoneInfo Default => TimeZoneInfo.Local;
}
