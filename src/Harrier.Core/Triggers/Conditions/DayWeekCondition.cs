namespace Harrier.Core.Triggers.Conditions;

/// <summary><c>DayWeek</c>: the date (in its own offset) falls on <see cref="Day"/>.</summary>
public sealed record DayWeekCondition(string Date, DayOfWeek Day) : ITriggerCondition
{
    public string Type => "DayWeek";

    public bool Test(ConditionScope scope) => scope.RenderDate(Date, "DayWeek date").DayOfWeek == Day;
}
