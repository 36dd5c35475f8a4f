namespace Harrier.Core.Store;

/// <summary>Engine commits in front of a <see cref="WriteThroughExecutionCache"/>: stored first, then remembered.</summary>
internal sealed class WriteThroughEngineCommits(WriteThroughExecutionCache cache, IEngineCommits commits) : IEngineCommits
{
    public async Task CommitPlanAsync(PlanCommit commit, CancellationToken cancellationToken)
    {
        await commits.CommitPlanAsync(commit, cancellationToken).ConfigureAwait(false);
        foreach (var taskRun in commit.TaskRuns)
        {
            cache.Remember(taskRun);
        }

        // Last: a terminal execution evicts its task runs too.
        if (commit.Execution is { } execution)
        {
            cache.Remember(execution);
        }
    }

    public async Task CommitAttemptAsync(AttemptCommit commit, CancellationToken cancellationToken)
    {
        await commits.CommitAttemptAsync(commit, cancellationToken).ConfigureAwait(false);
        if (commit.TaskRun is { } taskRun)
        {
            cache.Remember(taskRun);
        }
    }
}
