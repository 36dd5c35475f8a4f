using Harrier.Core.Engine.Flowables.Subflow;
using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;

namespace Harrier.Core.Engine.Flowables.ForEachItem;

/// <summary>
/// ForEachItem: a worker first cuts <c>items</c> into batch files (its run's job; the URIs come back as the run's
/// decision values), then this rule starts one execution of the flow per batch, with <c>inputs</c> rendered with
/// <c>taskrun.items</c> (the batch's URI) and <c>taskrun.iteration</c> (1-based). With <c>wait</c> (the default) the run
/// ends once every child ended — as the worst failure among them with <c>transmitFailed</c> (FAILED, then KILLED, then
/// WARNING), SUCCESS otherwise; without, it succeeds once they are started. Outputs <c>numberOfBatches</c> and
/// <c>iterations</c> (children per state), kept up to date while it waits, and once all ended <c>uri</c>: the children's
/// outputs merged into one Ion file, a line per batch (Kestra's <c>subflowOutputs</c> of its hidden <c>_merge</c> task).
/// </summary>
/// <remarks>
/// Every child is decided in one pass and stored with that pass's commit, together with the count on the decision
/// (<see cref="FlowableDecision.ChildCount"/>): a crash starts all of them or none, and never one twice. Their ids derive
/// from the run and the iteration (<see cref="ItemChildren.Id"/>), so a pass finds them again after any restart.
/// </remarks>
internal sealed class ForEachItemFlowable : Flowable<ForEachItemSpec>
{
    public override string Type => ForEachItemType.Type;

    public override bool RunsOnWorker => true;

    public override FlowableSpec Read(FlowableSource source)
    {
        if (source.Node["scheduleDate"] is { } scheduleDate)
        {
            source.Error(scheduleDate, "scheduleDate", "a ForEachItem's 'scheduleDate' is not supported by Harrier: its children start at once; leave it out");
        }

        return new ForEachItemSpec(source.Boolean("wait", true), source.Boolean("transmitFailed", true), source.Boolean("inheritLabels", false));
    }

    protected override ListOutcome Walk(TaskDefinition task, ForEachItemSpec spec, TaskRun run, IFlowableWalk walk)
    {
        if (run.Decision?.WorkerState is not { } split)
        {
            return ListOutcome.StillRunning;
        }

        if (split != State.Success)
        {
            // The worker logged why the file could not be cut.
            return ListOutcome.Done(split);
        }

        if (run.Decision.ChildCount is not { } count)
        {
            return walk.Killing ? ListOutcome.Done(State.Killed) : StartChildren(task, spec, run, walk);
        }

        return spec.Wait ? ItemChildren.Await(task, spec, run, count, walk) : ListOutcome.Done(State.Success);
    }

    private static ListOutcome StartChildren(TaskDefinition task, ForEachItemSpec spec, TaskRun run, IFlowableWalk walk)
    {
        var count = run.Decision!.CountOfValues;
        var batches = new string?[count];
        for (var i = 0; i < count; i++)
        {
            batches[i] = walk.Value(run, i);
        }

        if (batches.Any(b => b is null))
        {
            // Not all read yet: the pass reads the missing ones and plans again; nothing starts before.
            return ListOutcome.StillRunning;
        }

        var ns = ChildFlowProperties.Text(task, run, "namespace", walk);
        var flowId = ChildFlowProperties.Text(task, run, "flowId", walk);
        var revision = ChildFlowProperties.Revision(task, run, walk);
        var labels = ChildFlowProperties.Labels(task, run, walk);
        for (var iteration = 1; iteration <= count; iteration++)
        {
            var variables = new Dictionary<string, object?>(StringComparer.Ordinal) { ["items"] = batches[iteration - 1], ["iteration"] = (long)iteration };
            var inputs = walk.EvaluateAll(task, run, "inputs", variables) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
            walk.StartSubflow(new SubflowStart(run.Id, task.Id, ItemChildren.Id(run, iteration), ns, flowId, revision, inputs, labels, spec.InheritLabels)
            {
                TriggerType = ForEachItemType.Type,
                Iteration = iteration,
            });
        }

        var latest = walk.Latest(run);
        walk.Update(latest with
        {
            Decision = latest.Decision! with { ChildCount = count },
            // Without wait a child counts as done once started, as in Kestra.
            Outputs = ItemChildren.Outputs(count, spec.Wait ? ItemChildren.Started(count) : ItemChildren.NotAwaited(count)),
        });
        return spec.Wait && count > 0 ? ListOutcome.StillRunning : ListOutcome.Done(State.Success);
    }
}

/// <param name="Wait">Whether the run waits for every child's end.</param>
/// <param name="TransmitFailed">Whether a child ending FAILED, KILLED or WARNING ends the run so.</param>
/// <param name="InheritLabels">Whether the children get this execution's labels.</param>
public sealed record ForEachItemSpec(bool Wait, bool TransmitFailed, bool InheritLabels) : FlowableSpec;
