using Harrier.Core.Executions;
using Harrier.Core.Queue;
using Harrier.Core.Store;

namespace Harrier.Core.Engine.Workers;

/// <summary>
/// An attempt that is its job: start and end fenced by the job's lease; the end acknowledges the job and hands the
/// execution's wake-up to this engine's executor when it has one (<paramref name="woken"/> passes it on).
/// </summary>
internal sealed class JobAttemptWrites(
    IEngineCommits commits, JobLease lease, (string ExecutorId, TimeSpan LeaseDuration)? handOff, Action<AttemptCommitted> woken, LogWriter logs) : IAttemptWrites
{
    /// <summary>The claim the end of the attempt makes too (see <see cref="AttemptCommit.ClaimNext"/>).</summary>
    public NextClaim? ClaimNext { get; init; }

    /// <summary>The job that claim took, once the attempt is committed.</summary>
    public ClaimedJob? Next { get; private set; }

    public Task<TaskRun> StartAsync(TaskRun running, CancellationToken cancellationToken) =>
        commits.StartAttemptAsync(lease, running, cancellationToken);

    public async Task SkipAsync(CancellationToken cancellationToken) =>
        woken(await commits.CommitAttemptAsync(new AttemptCommit(lease, null) { HandOffTo = handOff }, cancellationToken).ConfigureAwait(false));

    /// <remarks>The pending log lines ride in the commit's transaction: the attempt's end is one write, lines included.</remarks>
    public async Task<TaskRun> CommitAsync(TaskRun resolved, (WorkerJob Job, DateTimeOffset NotBefore)? retry, CancellationToken cancellationToken)
    {
        var committed = await logs.StoreWithAsync(async lines =>
        {
            var done = await commits.CommitAttemptAsync(new AttemptCommit(lease, resolved) { Retry = retry, HandOffTo = handOff, Logs = lines, ClaimNext = ClaimNext }, cancellationToken)
                .ConfigureAwait(false);
            return (done, (IReadOnlyList<LogEntry>?)done.Logs);
        }).ConfigureAwait(false);
        Next = committed.Next;
        woken(committed);
        return committed.TaskRun ?? resolved;
    }
}
