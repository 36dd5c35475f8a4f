using Harrier.Core.Executions;

namespace Harrier.Core.Triggers.Conditions;

/// <summary><c>ExecutionStatus</c>: the ended execution's state is among <see cref="In"/> (when given) and not among <see cref="NotIn"/>.</summary>
public sealed record ExecutionStatusCondition(IReadOnlyList<State>? In, IReadOnlyList<State>? NotIn) : ITriggerCondition
{
    public string Type => "ExecutionStatus";

    public bool Test(ConditionScope scope) => scope.Execution is { } execution
        && (In is null || In.Contains(execution.State))
        && (NotIn is null || !NotIn.Contains(execution.State));
}
