namespace Harrier.Core.Triggers.Conditions;

/// <summary><c>ExecutionFlow</c>: the execution that ended belongs to flow <see cref="FlowId"/> of <see cref="Namespace"/>.</summary>
public sealed record ExecutionFlowCondition(string Namespace, string FlowId) : ITriggerCondition
{
    public string Type => "ExecutionFlow";

    public bool Test(ConditionScope scope) =>
        scope.Execution is { } execution && execution.Namespace == Namespace && execution.FlowId == FlowId;
}
