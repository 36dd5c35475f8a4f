namespace Harrier.Core.Triggers.Conditions;

/// <summary>Which occurrence of a weekday in its month <see cref="DayWeekInMonthCondition"/> asks for.</summary>
public enum DayInMonth
{
    First,
    Second,
    Third,
    Fourth,
    Last,
}

/// <summary><c>DayWeekInMonth</c>: the date is the first (second, third, fourth, last) <see cref="Day"/> of its month.</summary>
public sealed record DayWeekInMonthCondition(string Date, DayOfWeek Day, DayInMonth Which) : ITriggerCondition
{
    public string Type => "DayWeekInMonth";

    public bool Test(ConditionScope scope)
    {
        var date = DateOnly.FromDateTime(scope.RenderDate(Date, "DayWeekInMonth date").DateTime);
        var first = new DateOnly(date.Year, date.Month, 1);
        var firstMatch = first.AddDays(((int)Day - (int)first.DayOfWeek + 7) % 7);
        var expected = Which switch
        {
            DayInMonth.Last => LastInMonth(date),
            _ => firstMatch.AddDays(7 * (int)Which),
        };
        return expected == date;
    }

    private DateOnly LastInMonth(DateOnly date)
    {
        var last = new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)Day + 7) % 7));
    }
}
