using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Engine.Flowables.Sequential;

/// <summary>Sequential: its <c>tasks</c> one after another; the first failure ends the list.</summary>
internal sealed class SequentialFlowable : Flowable<SequentialSpec>
{
    public override string Type => CoreTaskTypes.Sequential;

    public override FlowableSpec Read(FlowableSource source) => SequentialSpec.Instance;

    protected override ListOutcome Walk(TaskDefinition task, SequentialSpec spec, TaskRun run, IFlowableWalk walk) =>
        walk.Sequential(task.ChildList("tasks"), run, "tasks");
}

/// <summary>Sequential has no properties of its own beyond its lists.</summary>
public sealed record SequentialSpec : FlowableSpec
{
    public static SequentialSpec Instance { get; } = new();
}
