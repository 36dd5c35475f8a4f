namespace Harrier.Core.Triggers.Conditions;

/// <summary><c>DateTimeBetween</c>: the date is strictly after <see cref="After"/> and strictly before <see cref="Before"/> (either may be left out).</summary>
public sealed record DateTimeBetweenCondition(string Date, DateTimeOffset? After, DateTimeOffset? Before) : ITriggerCondition
{
    public string Type => "DateTimeBetween";

    public bool Test(ConditionScope scope)
    {
        var date = scope.RenderDate(Date, "DateTimeBetween date");
        return (After is not { } after || date > after) && (Before is not { } before || date < before);
    }
}
