using System.Text.RegularExpressions;
using Harrier.Core.Executions;

namespace Harrier.Core.Triggers.Conditions;

/// <summary>A field a <c>preconditions.where</c> filter looks at.</summary>
public enum FilterField
{
    FlowId,
    Namespace,
    State,
    Expression,
}

/// <summary>How a <c>preconditions.where</c> filter compares its field.</summary>
public enum FilterComparison
{
    EqualTo,
    NotEqualTo,
    In,
    NotIn,
    IsNull,
    IsNotNull,
    StartsWith,
    EndsWith,
    Contains,
    Regex,
    IsTrue,
    IsFalse,
}

/// <summary>One filter of a <c>preconditions.where</c> item.</summary>
public sealed record ExecutionFilter(FilterField Field, FilterComparison Comparison, string? Value, IReadOnlyList<string> Values)
{
    public bool Test(ConditionScope scope, ConditionExecution execution)
    {
        var actual = Field switch
        {
            FilterField.FlowId => execution.FlowId,
            FilterField.Namespace => execution.Namespace,
            FilterField.State => execution.State.ToName(),
            _ => scope.Render(Value ?? "", "where filter expression"),
        };
        return Comparison switch
        {
            FilterComparison.EqualTo => actual == Value,
            FilterComparison.NotEqualTo => actual != Value,
            FilterComparison.In => Values.Contains(actual),
            FilterComparison.NotIn => !Values.Contains(actual),
            FilterComparison.IsNull => string.IsNullOrEmpty(actual),
            FilterComparison.IsNotNull => !string.IsNullOrEmpty(actual),
            FilterComparison.StartsWith => Value is not null && actual.StartsWith(Value, StringComparison.Ordinal),
            FilterComparison.EndsWith => Value is not null && actual.EndsWith(Value, StringComparison.Ordinal),
            FilterComparison.Contains => Value is not null && actual.Contains(Value, StringComparison.Ordinal),
            FilterComparison.Regex => Value is not null && Regex.IsMatch(actual, Value, RegexOptions.None, TimeSpan.FromSeconds(1)),
            FilterComparison.IsTrue => string.Equals(actual.Trim(), "true", StringComparison.OrdinalIgnoreCase),
            _ => string.Equals(actual.Trim(), "false", StringComparison.OrdinalIgnoreCase),
        };
    }
}

/// <summary>
/// A <c>preconditions.where</c> item: its filters combined with <c>operand</c> AND (default) or OR over the ended
/// execution's flow id, namespace, state, or an expression.
/// </summary>
public sealed record ExecutionFilterCondition(IReadOnlyList<ExecutionFilter> Filters, bool AnyOf) : ITriggerCondition
{
    public string Type => "where";

    public bool Test(ConditionScope scope)
    {
        if (scope.Execution is not { } execution)
        {
            return false;
        }

        return AnyOf ? Filters.Any(f => f.Test(scope, execution)) : Filters.All(f => f.Test(scope, execution));
    }
}
