using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Engine.Flowables.If;

/// <summary>If: <c>condition</c> is rendered once, when the task starts; a truthy value runs <c>then</c>, anything else <c>else</c>.</summary>
internal sealed class IfFlowable : Flowable<IfSpec>
{
    public override string Type => CoreTaskTypes.If;

    public override FlowableSpec Read(FlowableSource source) => IfSpec.Instance;

    protected override FlowableStart Decide(TaskDefinition task, IfSpec spec, TaskRun run, IFlowableWalk walk) =>
        new FlowableDecision { Branch = Truth.IsTruthy(walk.Evaluate(task, run, "condition")) ? "then" : "else" };

    protected override ListOutcome Walk(TaskDefinition task, IfSpec spec, TaskRun run, IFlowableWalk walk)
    {
        var branch = run.Decision!.Branch!;
        return walk.Sequential(task.ChildList(branch), run, branch);
    }
}

/// <summary>If's condition stays in the task node: it is rendered, not read, when the task starts.</summary>
public sealed record IfSpec : FlowableSpec
{
    public static IfSpec Instance { get; } = new();
}
