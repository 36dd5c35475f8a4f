namespace Harrier.Core.Triggers.Conditions;

/// <summary><c>Weekend</c>: the date is a Saturday or a Sunday.</summary>
public sealed record WeekendCondition(string Date) : ITriggerCondition
{
    public string Type => "Weekend";

    public bool Test(ConditionScope scope) => scope.RenderDate(Date, "Weekend date").DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
