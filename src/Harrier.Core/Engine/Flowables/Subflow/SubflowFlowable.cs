using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Engine.Flowables.Subflow;

/// <summary>
/// Subflow: starts an execution of another flow (<c>namespace</c>, <c>flowId</c>, <c>revision</c>) with <c>inputs</c> and
/// <c>labels</c>, its own execution with a link to this one. With <c>wait</c> (the default) the run ends as the child
/// ended — FAILED, KILLED and WARNING passed on with <c>transmitFailed</c> (the default), SUCCESS otherwise — with
/// outputs <c>executionId</c>, <c>state</c> and the child flow's <c>outputs</c>; without, it succeeds once the child is
/// started. A missing flow or invalid inputs fail the run (the executor says which).
/// </summary>
/// <remarks>
/// The child's id is decided with the run and the child is stored in the same commit as that decision, so a crash
/// can neither lose the child nor start it twice; its end wakes this execution in the commit that stores the end.
/// </remarks>
internal sealed class SubflowFlowable : Flowable<SubflowSpec>
{
    public override string Type => CoreTaskTypes.Subflow;

    public override FlowableSpec Read(FlowableSource source)
    {
        // Kestra's deprecated `outputs` (a map, checked by the type's descriptor) is rendered in the child execution once it
        // ends, only when the child flow declares no outputs of its own: see ExecutionPass.ConcludeAsync.
        return new SubflowSpec(source.Boolean("wait", true), source.Boolean("transmitFailed", true), source.Boolean("inheritLabels", false));
    }

    protected override FlowableStart Decide(TaskDefinition task, SubflowSpec spec, TaskRun run, IFlowableWalk walk)
    {
        var childId = walk.NewId();
        walk.StartSubflow(new SubflowStart(
            run.Id,
            task.Id,
            childId,
            ChildFlowProperties.Text(task, run, "namespace", walk),
            ChildFlowProperties.Text(task, run, "flowId", walk),
            ChildFlowProperties.Revision(task, run, walk),
            walk.EvaluateAll(task, run, "inputs") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>(),
            ChildFlowProperties.Labels(task, run, walk),
            spec.InheritLabels));
        return new FlowableStart(
            new FlowableDecision { ChildExecutionId = childId },
            new Dictionary<string, object?> { ["executionId"] = childId });
    }

    protected override ListOutcome Walk(TaskDefinition task, SubflowSpec spec, TaskRun run, IFlowableWalk walk)
    {
        if (!spec.Wait)
        {
            return ListOutcome.Done(State.Success);
        }

        var childId = run.Decision!.ChildExecutionId!;
        var child = walk.Child(childId, out var absent);
        if (absent)
        {
            throw new FlowableDecisionException($"the execution {childId} that task '{task.Id}' started is gone (deleted?)");
        }

        if (child is null || !child.State.IsTerminal())
        {
            if (walk.Killing && child is { KillRequestedAt: null })
            {
                // A killed execution kills the children it waits for; their ends then end this run.
                walk.KillChild(childId);
            }

            return ListOutcome.StillRunning;
        }

        var latest = walk.Latest(run);
        walk.Update(latest with
        {
            Outputs = new Dictionary<string, object?>(latest.Outputs, StringComparer.Ordinal)
            {
                ["state"] = child.State.ToName(),
                ["outputs"] = child.Outputs,
            },
        });
        // The child ran well but the deprecated outputs this task asked of it could not be extracted: as in Kestra, the child
        // keeps its state and this task fails, saying why (the child carries the reason as its error, see ExecutionPass).
        if (child.Error is { } problem && !child.State.IsFailure() && task.Node["outputs"] is not null)
        {
            throw new FlowableDecisionException(problem);
        }

        return ListOutcome.Done(spec.TransmitFailed && child.State is State.Failed or State.Killed or State.Warning ? child.State : State.Success);
    }
}

/// <param name="Wait">Whether the run waits for the child's end.</param>
/// <param name="TransmitFailed">Whether a child ending FAILED, KILLED or WARNING ends the run so.</param>
/// <param name="InheritLabels">Whether the child gets this execution's labels.</param>
public sealed record SubflowSpec(bool Wait, bool TransmitFailed, bool InheritLabels) : FlowableSpec;
