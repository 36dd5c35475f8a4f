using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;

namespace Harrier.Core.Engine.Flowables;

/// <summary>Base of a flowable whose properties load into <typeparamref name="TSpec"/>: the casts in one place.</summary>
internal abstract class Flowable<TSpec> : IFlowable where TSpec : FlowableSpec
{
    public abstract string Type { get; }

    public virtual bool RunsOnWorker => false;

    public virtual State Finish(State rolledUp) => rolledUp;

    public abstract FlowableSpec Read(FlowableSource source);

    public FlowableStart? Decide(TaskDefinition task, TaskRun run, IFlowableWalk walk) => Decide(task, Spec(task), run, walk);

    public ListOutcome Walk(TaskDefinition task, TaskRun run, IFlowableWalk walk) => Walk(task, Spec(task), run, walk);

    protected virtual FlowableStart? Decide(TaskDefinition task, TSpec spec, TaskRun run, IFlowableWalk walk) => null;

    protected abstract ListOutcome Walk(TaskDefinition task, TSpec spec, TaskRun run, IFlowableWalk walk);

    private TSpec Spec(TaskDefinition task) => task.Flowable as TSpec
        ?? throw new InvalidOperationException($"task '{task.Id}' ({task.Type}) was loaded without its {typeof(TSpec).Name}");
}
