namespace Harrier.Core.Triggers.Conditions;

/// <summary><c>Not</c>: none of its conditions holds.</summary>
public sealed record NotCondition(IReadOnlyList<ITriggerCondition> Conditions) : ITriggerCondition
{
    public string Type => "Not";

    public bool Test(ConditionScope scope) => !Conditions.Any(c => c.Test(scope));
}
