using Harrier.Core.Executions;
using Harrier.Core.Flows;

namespace Harrier.Core.Tasks.Running;

/// <summary>
/// Runs child tasks of a flowable that executes on one worker (WorkingDirectory): each child gets its own
/// task run (parent = the flowable's), its logs, retries and outputs, and sees the outputs of earlier children.
/// </summary>
public interface IChildTaskRunner
{
    /// <summary>Runs <paramref name="child"/> to a final state in <paramref name="workingDirectory"/> and returns its task run.</summary>
    Task<TaskRun> RunAsync(TaskDefinition child, string workingDirectory, CancellationToken cancellationToken);
}
