using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Engine.Flowables.WorkingDirectory;

/// <summary>
/// WorkingDirectory: its children share one directory, so one worker runs the whole main list and reports the state it
/// ended in (<see cref="FlowableDecision.WorkerState"/>); the executor keeps <c>errors</c> and <c>finally</c>.
/// </summary>
internal sealed class WorkingDirectoryFlowable : Flowable<WorkingDirectorySpec>
{
    public override string Type => CoreTaskTypes.WorkingDirectory;

    public override bool RunsOnWorker => true;

    public override FlowableSpec Read(FlowableSource source) => WorkingDirectorySpec.Instance;

    protected override ListOutcome Walk(TaskDefinition task, WorkingDirectorySpec spec, TaskRun run, IFlowableWalk walk) =>
        run.Decision?.WorkerState is { } state ? ListOutcome.Done(state) : ListOutcome.StillRunning;
}

/// <summary>WorkingDirectory's file properties are read by its worker-side implementation when it runs.</summary>
public sealed record WorkingDirectorySpec : FlowableSpec
{
    public static WorkingDirectorySpec Instance { get; } = new();
}
