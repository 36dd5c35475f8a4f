using Harrier.Core.Executions;
using Harrier.Core.Flows;

namespace Harrier.Core.Engine.Planning;

/// <summary>Everything a planning pass reads: the flow, the execution and its task runs (as planned so far).</summary>
public sealed record PlanningSnapshot(FlowDefinition Flow, Execution Execution, IReadOnlyList<TaskRun> TaskRuns);
