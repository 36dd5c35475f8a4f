using Harrier.Core.Executions;
using Harrier.Core.Queue;
using Harrier.Core.Store;

namespace Harrier.Core.Engine.Workers;

/// <summary>An attempt that is its job: start and end fenced by the job's lease; the end acknowledges the job.</summary>
internal sealed class JobAttemptWrites(IEngineCommits commits, JobLease lease) : IAttemptWrites
{
    public Task<TaskRun> StartAsync(TaskRun running, CancellationToken cancellationToken) =>
        commits.StartAttemptAsync(lease, running, cancellationToken);

    public Task SkipAsync(CancellationToken cancellationToken) => commits.CommitAttemptAsync(new AttemptCommit(lease, null), cancellationToken);

    public async Task<TaskRun> CommitAsync(TaskRun resolved, (WorkerJob Job, DateTimeOffset NotBefore)? retry, CancellationToken cancellationToken) =>
        await commits.CommitAttemptAsync(new AttemptCommit(lease, resolved) { Retry = retry }, cancellationToken).ConfigureAwait(false) ?? resolved;
}
