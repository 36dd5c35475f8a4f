using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Engine.Flowables.ForEach;

/// <summary>
/// ForEach: <c>values</c> are decided once, when the task starts; <c>tasks</c> run once per value, at most
/// <c>concurrencyLimit</c> iterations at once (0: no limit). With a limit, no new iteration starts after a failure;
/// without one every iteration starts, as in Kestra, whose ForEach creates them all in its first pass (Harrier starts
/// them a window of values at a time, and a failure meanwhile does not stop the rest).
/// </summary>
/// <remarks>
/// A pass costs what changed, not what runs: the memo (<see cref="ListProgress"/>) says which iterations started
/// (they start in order) and which of those finished, and the walk visits only the iterations the pass holds a run of
/// — any other started one is still running unchanged, or finished and is in the memo. When the body holds only
/// runnable tasks its children are quiet (<see cref="TaskRun.Quiet"/>): passes do not even read the unchanged running
/// ones, so 100,000 iterations at once cost a pass no more than the few that just ended.
/// </remarks>
internal sealed class ForEachFlowable : Flowable<ForEachSpec>
{
    private const string Iterations = "iterations";

    public override string Type => CoreTaskTypes.ForEach;

    public override FlowableSpec Read(FlowableSource source) => new ForEachSpec(Math.Max(0, source.Integer("concurrencyLimit", 1)));

    protected override FlowableStart Decide(TaskDefinition task, ForEachSpec spec, TaskRun run, IFlowableWalk walk) =>
        ForEachValues.Decide(walk.Evaluate(task, run, "values"), task.Id);

    protected override ListOutcome Walk(TaskDefinition task, ForEachSpec spec, TaskRun run, IFlowableWalk walk)
    {
        var count = run.Decision!.CountOfValues;
        var body = task.ChildList("tasks");
        var first = body.FirstOrDefault(t => !t.Disabled);
        if (first is null)
        {
            walk.SetProgress(run, Iterations, new ListProgress(count, State.Success, count));
            return ListOutcome.Done(walk.Killing ? State.Killed : State.Success);
        }

        var progress = walk.Progress(run, Iterations);
        var next = progress?.Next ?? 0;
        var started = Math.Max(next, progress?.Started ?? (run.Version == 0 ? 0 : StartedWithoutMemo(first, run, walk, count)));
        var worst = progress?.Worst ?? State.Success;
        var done = new SortedSet<int>(progress?.DoneAfterNext ?? []);
        var unread = false;
        var quiet = body.All(t => t.Disabled || !t.IsFlowable);

        // 1. The started iterations this pass holds a run of: move them on.
        foreach (var i in walk.IterationsSeen(run).Where(i => i >= next && i < started && !done.Contains(i)).ToList())
        {
            var value = walk.Find(first, run, i) is { Value: { } carried } ? carried : walk.Value(run, i);
            if (value is null)
            {
                unread = true;
                continue;
            }

            var outcome = walk.Sequential(body, run, null, i, value, isIteration: true, quiet: quiet);
            if (!outcome.Running)
            {
                done.Add(i);
                worst = States.Worst([worst, outcome.State]);
            }
        }

        // 2. New iterations, in order, while the limit allows and nothing failed.
        var running = started - next - done.Count;
        var stopsOnFailure = spec.ConcurrencyLimit != 0;
        var stopped = walk.Killing || (stopsOnFailure && worst.IsFailure());
        while (!stopped && started < count && (spec.ConcurrencyLimit == 0 || running < spec.ConcurrencyLimit))
        {
            if (walk.Value(run, started) is not { } value)
            {
                // Not read yet: the pass is planned again once it is (the read brings a window of values at once).
                unread = true;
                break;
            }

            var outcome = walk.Sequential(body, run, null, started, value, isIteration: true, quiet: quiet);
            if (outcome.Running)
            {
                running++;
            }
            else
            {
                done.Add(started);
                worst = States.Worst([worst, outcome.State]);
                stopped = walk.Killing || (stopsOnFailure && worst.IsFailure());
            }

            started++;
        }

        while (done.Remove(next))
        {
            next++;
        }

        walk.SetProgress(run, Iterations, new ListProgress(next, worst, started, done.Count == 0 ? null : [.. done]));
        var finished = running == 0 && !unread && (started == count || stopped);
        return finished ? ListOutcome.Done(walk.Killing ? State.Killed : worst) : ListOutcome.StillRunning;
    }

    /// <summary>A ForEach stored before its memo existed: its started iterations are those whose first task has a run.</summary>
    private static int StartedWithoutMemo(TaskDefinition first, TaskRun run, IFlowableWalk walk, int count)
    {
        // Every index asked at once, so that a partial snapshot reads all the missing runs in one round.
        var started = 0;
        for (var i = 0; i < count; i++)
        {
            if (walk.Find(first, run, i) is not null)
            {
                started = i + 1;
            }
        }

        return started;
    }
}

/// <param name="ConcurrencyLimit">How many iterations run at once; 0 means all.</param>
public sealed record ForEachSpec(int ConcurrencyLimit) : FlowableSpec;
