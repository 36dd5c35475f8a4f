using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Store;

namespace Harrier.Core.Engine.Workers;

/// <summary>
/// The task runs a worker reads to render one task: the run's ancestors (for <c>parent</c>/<c>parents</c>, a few point
/// reads) and — only when the task's expressions may read <c>outputs</c> — every run with outputs. Never every task run
/// of the execution, so an attempt costs the same in a long flow as in a short one.
/// </summary>
internal static class WorkerView
{
    public static async Task<IReadOnlyList<TaskRun>> LoadAsync(IExecutionStore store, TaskDefinition task, TaskRun taskRun, CancellationToken cancellationToken)
    {
        var runs = new Dictionary<string, TaskRun>(StringComparer.Ordinal) { [taskRun.Id] = taskRun };
        var parentId = taskRun.ParentTaskRunId;
        while (parentId is not null && !runs.ContainsKey(parentId) && await store.GetTaskRunAsync(parentId, cancellationToken).ConfigureAwait(false) is { } parent)
        {
            runs[parent.Id] = parent;
            parentId = parent.ParentTaskRunId;
        }

        if (task.ReadsOutputs)
        {
            foreach (var run in await store.GetTaskRunsWithOutputsAsync(taskRun.ExecutionId, cancellationToken).ConfigureAwait(false))
            {
                runs.TryAdd(run.Id, run);
            }
        }

        return [.. runs.Values];
    }
}
