namespace Harrier.Core.Triggers.Conditions;

/// <summary>
/// <c>TimeBetween</c>: the date's time of day is strictly after <see cref="After"/> and strictly before
/// <see cref="Before"/>. Times carry an offset (<c>16:00:00+02:00</c>; none means UTC) and compare as Kestra's
/// OffsetTime does: both sides brought to UTC, on one day.
/// </summary>
public sealed record TimeBetweenCondition(string Date, TimeWithOffset? After, TimeWithOffset? Before) : ITriggerCondition
{
    public string Type => "TimeBetween";

    public bool Test(ConditionScope scope)
    {
        var date = scope.RenderDate(Date, "TimeBetween date");
        var time = new TimeWithOffset(TimeOnly.FromTimeSpan(date.TimeOfDay), date.Offset).UtcTicks;
        return (After is not { } after || time > after.UtcTicks) && (Before is not { } before || time < before.UtcTicks);
    }
}

/// <summary>A time of day at an offset (Java's OffsetTime), ordered by its UTC time of day.</summary>
public readonly record struct TimeWithOffset(TimeOnly Time, TimeSpan Offset)
{
    public long UtcTicks => Time.Ticks - Offset.Ticks;

    public static bool TryParse(string text, out TimeWithOffset value)
    {
        value = default;
        var split = text.IndexOfAny(['+', '-', 'Z'], 1);
        var timeText = split > 0 ? text[..split] : text;
        var offset = TimeSpan.Zero;
        if (split > 0 && text[split] != 'Z' && !TimeSpan.TryParseExact(text[(split + 1)..], @"hh\:mm", System.Globalization.CultureInfo.InvariantCulture, out offset))
        {
            return false;
        }

        if (split > 0 && text[split] == '-')
        {
            offset = -offset;
        }

        if (!TimeOnly.TryParse(timeText, System.Globalization.CultureInfo.InvariantCulture, out var time))
        {
            return false;
        }

        value = new TimeWithOffset(time, offset);
        return true;
    }
}
