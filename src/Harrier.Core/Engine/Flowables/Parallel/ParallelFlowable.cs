using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Engine.Flowables.Parallel;

/// <summary>
/// Parallel: every child at once, at most <c>concurrent</c> running (0: no limit). After a failure (or a kill) no
/// further child starts; the ones running finish, and the list ends in the worst state.
/// </summary>
internal sealed class ParallelFlowable : Flowable<ParallelSpec>
{
    public override string Type => CoreTaskTypes.Parallel;

    public override FlowableSpec Read(FlowableSource source) => new ParallelSpec(Math.Max(0, source.Integer("concurrent", 0)));

    protected override ListOutcome Walk(TaskDefinition task, ParallelSpec spec, TaskRun run, IFlowableWalk walk) =>
        Concurrently(task.ChildList("tasks"), run, spec.Concurrent, walk);

    /// <summary>Starts and advances <paramref name="tasks"/> side by side under <paramref name="parent"/> (shared with Dag-like rules).</summary>
    public static ListOutcome Concurrently(IReadOnlyList<TaskDefinition> tasks, TaskRun parent, int limit, IFlowableWalk walk)
    {
        var states = new List<State>();
        var running = 0;
        var waiting = false;
        var notStarted = new List<TaskDefinition>();
        foreach (var child in tasks.Where(t => !t.Disabled))
        {
            if (walk.Child(child, parent, parent.Iteration) is { } existing)
            {
                Count(existing, states, ref running);
            }
            else
            {
                notStarted.Add(child);
            }
        }

        foreach (var child in notStarted)
        {
            if (walk.Killing || states.Any(s => s.IsFailure()))
            {
                // Never started and never will.
                states.Add(walk.Killing ? State.Killed : State.Success);
                continue;
            }

            if (limit > 0 && running >= limit)
            {
                waiting = true;
                break;
            }

            Count(walk.Start(child, parent, parent.Iteration, parent.Value), states, ref running);
        }

        return running > 0 || waiting ? ListOutcome.StillRunning : ListOutcome.Done(States.Worst(states));
    }

    private static void Count(TaskRun run, List<State> states, ref int running)
    {
        if (run.State.IsTerminal())
        {
            states.Add(run.State);
        }
        else
        {
            running++;
        }
    }
}

/// <param name="Concurrent">How many children run at once; 0 means all.</param>
public sealed record ParallelSpec(int Concurrent) : FlowableSpec;
