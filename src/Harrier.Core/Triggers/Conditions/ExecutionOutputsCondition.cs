namespace Harrier.Core.Triggers.Conditions;

/// <summary><c>ExecutionOutputs</c>: the ended execution has outputs and the expression over them (<c>trigger.outputs</c>) is truthy.</summary>
public sealed record ExecutionOutputsCondition(string Expression) : ITriggerCondition
{
    public string Type => "ExecutionOutputs";

    public bool Test(ConditionScope scope) =>
        scope.Execution is { Outputs.Count: > 0 } && scope.RenderTruth(Expression, "ExecutionOutputs expression");
}
