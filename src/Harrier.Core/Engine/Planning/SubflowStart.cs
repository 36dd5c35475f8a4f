using Harrier.Core.Flows;

namespace Harrier.Core.Engine.Planning;

/// <summary>
/// A child execution a Subflow starts, as its task rendered it: which flow (and revision), with which raw inputs and
/// labels. The executor resolves the flow and the inputs (a missing flow or an invalid input fails the Subflow's run)
/// and stores the child in the same commit as the pass that decided it.
/// </summary>
public sealed record SubflowStart(
    string TaskRunId,
    string TaskId,
    string ChildExecutionId,
    string Namespace,
    string FlowId,
    int? Revision,
    IReadOnlyDictionary<string, object?> Inputs,
    IReadOnlyList<FlowLabel> Labels,
    bool InheritLabels)
{
    /// <summary>The type of the task that starts it, the child's <c>trigger.type</c>.</summary>
    public string TriggerType { get; init; } = Tasks.Types.CoreTaskTypes.Subflow;

    /// <summary>ForEachItem: the batch (1-based) this child processes, named in the errors of a child that cannot start.</summary>
    public int? Iteration { get; init; }
}
