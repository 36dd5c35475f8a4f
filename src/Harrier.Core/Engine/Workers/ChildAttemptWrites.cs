using Harrier.Core.Executions;
using Harrier.Core.Queue;
using Harrier.Core.Store;

namespace Harrier.Core.Engine.Workers;

/// <summary>An attempt of a WorkingDirectory's child: stored under the group's job lease; retries wait in place.</summary>
internal sealed class ChildAttemptWrites(IEngineCommits commits, JobLease groupLease) : IAttemptWrites
{
    public Task<TaskRun> StartAsync(TaskRun running, CancellationToken cancellationToken) =>
        commits.SaveChildAsync(groupLease, running, cancellationToken);

    public Task SkipAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<TaskRun> CommitAsync(TaskRun resolved, (WorkerJob Job, DateTimeOffset NotBefore)? retry, CancellationToken cancellationToken) =>
        commits.SaveChildAsync(groupLease, resolved, cancellationToken);
}
