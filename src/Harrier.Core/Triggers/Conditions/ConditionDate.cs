namespace Harrier.Core.Triggers.Conditions;

/// <summary>The date property of calendar conditions: an expression, <c>{{ trigger.date }}</c> unless written otherwise.</summary>
internal static class ConditionDate
{
    public const string Default = "{{ trigger.date }}";
}
