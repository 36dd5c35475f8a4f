using Harrier.Core.Queue;

namespace Harrier.Core.Store;

/// <summary>
/// Engine commits as separate writes, for backends whose store and queue share no transaction. Not atomic: the order
/// (task runs before their jobs, the result and retry before the acknowledgement) makes a crash in between re-run
/// work rather than lose it, except for a task run saved whose job was not yet enqueued.
/// </summary>
public sealed class SequentialEngineCommits(IExecutionStore store, IJobQueue queue) : IEngineCommits
{
    public async Task CommitPlanAsync(PlanCommit commit, CancellationToken cancellationToken)
    {
        await store.SaveTaskRunsAsync(commit.TaskRuns, cancellationToken).ConfigureAwait(false);
        foreach (var job in commit.Jobs)
        {
            await queue.EnqueueAsync(job, null, cancellationToken).ConfigureAwait(false);
        }

        if (commit.Execution is { } execution)
        {
            await store.UpdateExecutionAsync(execution, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task CommitAttemptAsync(AttemptCommit commit, CancellationToken cancellationToken)
    {
        if (commit.TaskRun is { } taskRun)
        {
            await store.SaveTaskRunAsync(taskRun, cancellationToken).ConfigureAwait(false);
        }

        if (commit.Retry is { } retry)
        {
            await queue.EnqueueAsync(retry.Job, retry.NotBefore, cancellationToken).ConfigureAwait(false);
        }

        await queue.CompleteAsync(commit.Completed, cancellationToken).ConfigureAwait(false);
    }
}
