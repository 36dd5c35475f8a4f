namespace Harrier.Core.Triggers.Conditions;

/// <summary><c>Or</c>: at least one of its conditions holds.</summary>
public sealed record OrCondition(IReadOnlyList<ITriggerCondition> Conditions) : ITriggerCondition
{
    public string Type => "Or";

    public bool Test(ConditionScope scope) => Conditions.Any(c => c.Test(scope));
}
