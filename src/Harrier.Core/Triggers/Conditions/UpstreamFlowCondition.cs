using Harrier.Core.Executions;
using Harrier.Core.Flows;

namespace Harrier.Core.Triggers.Conditions;

/// <summary>
/// One upstream flow of a Flow trigger's <c>preconditions.flows</c> or <c>dependsOn</c>: the ended execution is of that
/// namespace and flow (each when given), in one of <see cref="States"/> (when given), carries <see cref="Labels"/>, and
/// <see cref="When"/> (newest form) renders truthy.
/// </summary>
public sealed record UpstreamFlowCondition(string? Namespace, string? FlowId, IReadOnlyList<State>? States, IReadOnlyList<FlowLabel> Labels, string? When) : ITriggerCondition
{
    public string Type => "UpstreamFlow";

    public bool Test(ConditionScope scope) => scope.Execution is { } execution
        && (Namespace is null || execution.Namespace == Namespace)
        && (FlowId is null || execution.FlowId == FlowId)
        && (States is null || States.Contains(execution.State))
        && Labels.All(execution.Labels.Contains)
        && (When is null || scope.RenderTruth(When, "dependsOn when"));
}
