using Harrier.Core.Executions;

namespace Harrier.Core.Engine.Planning;

/// <summary>
/// The pure planner: given a flow, an execution and its task runs, decides which task runs start now,
/// which flowables change state, and the execution's state. No I/O; expressions go through
/// <see cref="IPlanEvaluator"/>; ids and time are injected so tests are deterministic. Given a partial snapshot, it
/// says what it missed instead (<see cref="ExecutionPlan.IsComplete"/>).
/// </summary>
public sealed class ExecutionPlanner(IPlanEvaluator evaluator, TimeProvider time, Func<string> newId)
{
    public ExecutionPlan Plan(PlanningSnapshot snapshot)
    {
        var workspace = new PlanWorkspace(snapshot);
        var pass = new PlanPass(snapshot, workspace, evaluator, time.GetUtcNow(), newId);
        State state;
        try
        {
            state = pass.PlanExecution();
        }
        catch (OutputsNotLoadedException)
        {
            return new ExecutionPlan { SavedTaskRuns = [], Jobs = [], Logs = [], ExecutionState = snapshot.Execution.State, NeedsOutputs = true };
        }

        return new ExecutionPlan
        {
            SavedTaskRuns = workspace.Changed,
            Jobs = workspace.Jobs,
            Logs = workspace.Logs.Select(l => l with { ExecutionId = snapshot.Execution.Id }).ToList(),
            ExecutionState = state,
            ExecutionProgress = workspace.ExecutionProgress,
            WakeAt = state.IsTerminal() ? null : workspace.WakeTime,
            NewExecutions = workspace.NewExecutions,
            Subflows = workspace.Subflows,
            Files = workspace.Files,
            MissingChildren = workspace.MissingChildren,
            KillChildren = workspace.KillChildren,
            MissingTaskRuns = workspace.Missing,
            MissingValues = workspace.MissingValues,
            NeedsOutputs = workspace.NeedsOutputs,
        };
    }
}
