namespace Harrier.Core.Triggers.Schedules;

/// <summary>
/// One slot to fire: <see cref="Slot"/> is <c>trigger.date</c>, <see cref="Next"/> and <see cref="Previous"/> the slots
/// around it (<c>trigger.next</c>, <c>trigger.previous</c>). A backfill's fire takes its inputs and labels from the backfill.
/// </summary>
public sealed record ScheduleFire(DateTimeOffset Slot, DateTimeOffset? Next, DateTimeOffset? Previous, bool Backfill)
{
    /// <summary>The <c>trigger</c> variables of the execution (and of conditions): dates as ISO 8601 text in the trigger's zone.</summary>
    public static Dictionary<string, object?> Variables(DateTimeOffset slot, DateTimeOffset? next, DateTimeOffset? previous, TimeZoneInfo zone) => new()
    {
        ["date"] = Iso(slot, zone),
        ["next"] = next is { } n ? Iso(n, zone) : null,
        ["previous"] = previous is { } p ? Iso(p, zone) : null,
    };

    public Dictionary<string, object?> Variables(TimeZoneInfo zone) => Variables(Slot, Next, Previous, zone);

    /// <summary>Kestra prints a zoned date as <c>2026-01-01T02:00:00Z</c> or <c>2026-01-01T02:00:00+01:00</c>.</summary>
    public static string Iso(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var text = local.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        if (local.Millisecond != 0)
        {
            text += local.ToString(".fff", System.Globalization.CultureInfo.InvariantCulture);
        }

        return local.Offset == TimeSpan.Zero ? text + "Z" : text + local.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A slot that came due and did not fire, and why (the scheduler logs it).</summary>
public sealed record ScheduleSkip(DateTimeOffset Slot, string Reason);
