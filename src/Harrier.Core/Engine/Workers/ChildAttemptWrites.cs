using Harrier.Core.Executions;
using Harrier.Core.Queue;
using Harrier.Core.Store;

namespace Harrier.Core.Engine.Workers;

/// <summary>An attempt of a WorkingDirectory's child: stored under the group's job lease; retries wait in place.</summary>
internal sealed class ChildAttemptWrites(IEngineCommits commits, JobLease groupLease, LogWriter logs) : IAttemptWrites
{
    public Task<TaskRun> StartAsync(TaskRun running, CancellationToken cancellationToken) =>
        commits.SaveChildAsync(groupLease, running, cancellationToken);

    public Task SkipAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<TaskRun> CommitAsync(TaskRun resolved, (WorkerJob Job, DateTimeOffset NotBefore)? retry, CancellationToken cancellationToken)
    {
        // Logs first, state second: whoever sees the final state finds every line already stored.
        await logs.FlushAsync(cancellationToken).ConfigureAwait(false);
        return await commits.SaveChildAsync(groupLease, resolved, cancellationToken).ConfigureAwait(false);
    }
}
