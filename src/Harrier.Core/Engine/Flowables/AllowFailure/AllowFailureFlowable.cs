using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Engine.Flowables.AllowFailure;

/// <summary>
/// AllowFailure (deprecated in Kestra for the <c>allowFailure</c> property): its <c>tasks</c> run one after another, its
/// <c>errors</c> after a failure, and a failure ends it WARNING instead of FAILED, so the flow goes on.
/// </summary>
internal sealed class AllowFailureFlowable : Flowable<AllowFailureSpec>
{
    public override string Type => CoreTaskTypes.AllowFailure;

    public override FlowableSpec Read(FlowableSource source) => AllowFailureSpec.Instance;

    public override State Finish(State rolledUp) => rolledUp == State.Failed ? State.Warning : rolledUp;

    protected override ListOutcome Walk(TaskDefinition task, AllowFailureSpec spec, TaskRun run, IFlowableWalk walk) =>
        walk.Sequential(task.ChildList("tasks"), run, "tasks");
}

/// <summary>AllowFailure has no properties of its own beyond its lists.</summary>
public sealed record AllowFailureSpec : FlowableSpec
{
    public static AllowFailureSpec Instance { get; } = new();
}
