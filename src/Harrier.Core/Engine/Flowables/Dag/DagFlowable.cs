using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Engine.Flowables.Dag;

/// <summary>
/// Dag: each task starts once every task it <c>dependsOn</c> has ended, at most <c>concurrent</c> running at once (0: no
/// limit). After a failure (or a kill) no further task starts; the ones running finish and the Dag ends in the worst
/// state. Unknown dependencies and cycles are load errors (see <see cref="DagReader"/>), so a walk always progresses.
/// </summary>
internal sealed class DagFlowable : Flowable<DagSpec>
{
    public override string Type => CoreTaskTypes.Dag;

    public override FlowableSpec Read(FlowableSource source) => DagReader.Read(source);

    protected override ListOutcome Walk(TaskDefinition task, DagSpec spec, TaskRun run, IFlowableWalk walk)
    {
        var tasks = task.ChildList("tasks");
        var ended = new HashSet<string>(tasks.Where(t => t.Disabled).Select(t => t.Id), StringComparer.Ordinal);
        var states = new List<State>();
        var running = 0;
        var notStarted = new List<TaskDefinition>();
        foreach (var child in tasks.Where(t => !t.Disabled))
        {
            if (walk.Child(child, run, run.Iteration) is not { } existing)
            {
                notStarted.Add(child);
            }
            else if (existing.State.IsTerminal())
            {
                states.Add(existing.State);
                ended.Add(child.Id);
            }
            else
            {
                running++;
            }
        }

        if (walk.Killing || states.Any(s => s.IsFailure()))
        {
            // Never started and never will.
            states.AddRange(notStarted.Select(_ => walk.Killing ? State.Killed : State.Success));
            notStarted.Clear();
        }

        // Rounds, so that a task which ends as it starts (skipped by runIf) lets its dependents start in this pass.
        for (var progressed = true; progressed && notStarted.Count > 0;)
        {
            progressed = false;
            foreach (var child in notStarted.ToList())
            {
                if (states.Any(s => s.IsFailure()) || (spec.Concurrent > 0 && running >= spec.Concurrent))
                {
                    break;
                }

                if (!spec.DependsOn[child.Id].All(ended.Contains))
                {
                    continue;
                }

                notStarted.Remove(child);
                var started = walk.Start(child, run, run.Iteration, run.Value);
                if (started.State.IsTerminal())
                {
                    states.Add(started.State);
                    ended.Add(child.Id);
                    progressed = true;
                }
                else
                {
                    running++;
                }
            }
        }

        if (running == 0 && states.Any(s => s.IsFailure()))
        {
            // A failure while starting (runIf that could not be evaluated): the rest never starts.
            states.AddRange(notStarted.Select(_ => State.Success));
            notStarted.Clear();
        }

        var waiting = notStarted.Count > 0;
        return running > 0 || waiting ? ListOutcome.StillRunning : ListOutcome.Done(States.Worst(states));
    }
}

/// <param name="Concurrent">How many tasks run at once; 0 means no limit.</param>
/// <param name="DependsOn">Each task's dependencies by task id (empty when it has none).</param>
public sealed record DagSpec(int Concurrent, IReadOnlyDictionary<string, IReadOnlyList<string>> DependsOn) : FlowableSpec;
