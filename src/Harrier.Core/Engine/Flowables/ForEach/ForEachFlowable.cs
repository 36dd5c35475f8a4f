using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Engine.Flowables.ForEach;

/// <summary>
/// ForEach: <c>values</c> are decided once, when the task starts; <c>tasks</c> run once per value, at most
/// <c>concurrencyLimit</c> iterations at once (0: no limit). After a failure no new iteration starts.
/// </summary>
/// <remarks>
/// The walk starts at the memo's first unfinished iteration, so a pass costs the same at the 10th and the 10,000th
/// value. An iteration has started once its first task run exists.
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
        var limit = spec.ConcurrencyLimit;
        var progress = walk.Progress(run, Iterations);
        var prefix = first is null ? count : progress?.Next ?? 0;
        var knowsStarts = progress is not null || run.Version == 0;
        var started = Math.Max(prefix, progress?.Started ?? 0);
        var prefixWorst = progress?.Worst ?? State.Success;
        var worst = prefixWorst;
        var failed = worst.IsFailure();
        var running = 0;
        var waiting = false;
        var prefixOpen = true;
        for (var i = prefix; i < count; i++)
        {
            // Iterations start in order, so the memo's count says which did; without a memo, the first child's run tells.
            var isStarted = knowsStarts ? i < started : walk.Find(first!, run, i) is not null;
            if (!isStarted && (walk.Killing || failed))
            {
                // Never started and never will: finished, as far as the memo is concerned.
                prefix += prefixOpen ? 1 : 0;
                continue;
            }

            if (!isStarted && limit > 0 && running >= limit)
            {
                waiting = true;
                break;
            }

            // A started iteration's runs carry its value; only one to start needs it from the decision's values.
            var value = isStarted && walk.Find(first!, run, i) is { Value: { } carried } ? carried : walk.Value(run, i);
            if (value is null)
            {
                // Not read yet: the pass is planned again once it is. Counted as running, and the walk goes on, so one
                // round collects every value the pass needs.
                running++;
                prefixOpen = false;
                continue;
            }

            started = Math.Max(started, i + 1);
            var outcome = walk.Sequential(body, run, null, i, value, isIteration: true);
            if (outcome.Running)
            {
                running++;
                prefixOpen = false;
                continue;
            }

            worst = States.Worst([worst, outcome.State]);
            failed |= outcome.State.IsFailure();
            if (prefixOpen)
            {
                prefix = i + 1;
                prefixWorst = States.Worst([prefixWorst, outcome.State]);
            }
        }

        walk.SetProgress(run, Iterations, new ListProgress(prefix, prefixWorst, Math.Max(started, prefix)));
        return running > 0 || waiting ? ListOutcome.StillRunning : ListOutcome.Done(walk.Killing ? State.Killed : worst);
    }
}

/// <param name="ConcurrencyLimit">How many iterations run at once; 0 means all.</param>
public sealed record ForEachSpec(int ConcurrencyLimit) : FlowableSpec;
