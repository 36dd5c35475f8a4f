namespace Harrier.Core.Triggers.Conditions;

/// <summary><c>ExecutionLabels</c>: the ended execution carries every one of <see cref="Labels"/> (key and value).</summary>
public sealed record ExecutionLabelsCondition(IReadOnlyList<Flows.FlowLabel> Labels) : ITriggerCondition
{
    public string Type => "ExecutionLabels";

    public bool Test(ConditionScope scope) => scope.Execution is { } execution && Labels.All(execution.Labels.Contains);
}
