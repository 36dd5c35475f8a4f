using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Engine.Workers;

/// <summary>One attempt to run: the task, its run, and (inside a WorkingDirectory) the shared directory.</summary>
internal sealed record AttemptRequest(FlowDefinition Flow, Execution Execution, TaskDefinition Task, TaskRun TaskRun)
{
    public string? SharedWorkingDirectory { get; init; }

    public IChildTaskRunner? Children { get; init; }

    /// <summary><see cref="AttemptRequest.TaskRun"/> is already stored as this attempt's start (it came with the claim).</summary>
    public bool Started { get; init; }
}
