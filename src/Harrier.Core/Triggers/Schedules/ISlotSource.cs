namespace Harrier.Core.Triggers.Schedules;

/// <summary>The instants a scheduled trigger fires at: a cron expression's occurrences, or ScheduleOnDates' list.</summary>
public interface ISlotSource
{
    /// <summary>The first slot strictly after <paramref name="instant"/>; null when there is none.</summary>
    DateTimeOffset? After(DateTimeOffset instant);

    /// <summary>The last slot strictly before <paramref name="instant"/>; null when there is none.</summary>
    DateTimeOffset? Before(DateTimeOffset instant);

    TimeZoneInfo TimeZone { get; }

    /// <summary>The source of a scheduled trigger (null for triggers that are not scheduled).</summary>
    static ISlotSource? Of(TriggerModel trigger) => trigger switch
    {
        ScheduleTrigger schedule => new CronSlots(schedule.Cron, schedule.TimeZone),
        ScheduleOnDatesTrigger dates => new DateSlots(dates.Dates, dates.TimeZone),
        _ => null,
    };
}

/// <summary>A cron expression's occurrences in a time zone.</summary>
public sealed class CronSlots(Cron.CronSchedule cron, TimeZoneInfo zone) : ISlotSource
{
    public TimeZoneInfo TimeZone => zone;

    public DateTimeOffset? After(DateTimeOffset instant) => cron.NextAfter(instant, zone);

    public DateTimeOffset? Before(DateTimeOffset instant) => cron.PreviousBefore(instant, zone);
}

/// <summary>A fixed list of dates (ScheduleOnDates), each once.</summary>
public sealed class DateSlots : ISlotSource
{
    private readonly DateTimeOffset[] _dates;

    public DateSlots(IEnumerable<DateTimeOffset> dates, TimeZoneInfo zone)
    {
        _dates = dates.Distinct().Order().ToArray();
        TimeZone = zone;
    }

    public TimeZoneInfo TimeZone { get; }

    public DateTimeOffset? After(DateTimeOffset instant)
    {
        foreach (var date in _dates)
        {
            if (date > instant)
            {
                return date;
            }
        }

        return null;
    }

    public DateTimeOffset? Before(DateTimeOffset instant)
    {
        DateTimeOffset? found = null;
        foreach (var date in _dates)
        {
            if (date >= instant)
            {
                break;
            }

            found = date;
        }

        return found;
    }
}
