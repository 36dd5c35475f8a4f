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
    bool InheritLabels);
