using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Engine.Workers;

/// <summary>One attempt to run: the task, its run, and (inside a WorkingDirectory) the shared directory.</summary>
internal sealed record AttemptRequest(FlowDefinition Flow, Execution Execution, TaskDefinition Task, TaskRun TaskRun)
{
    public string? SharedWorkingDirectory { get; init; }

    public IChildTaskRunner? Children { get; init; }
}
