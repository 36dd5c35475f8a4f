using Harrier.Core.Executions;
using Harrier.Core.Queue;

namespace Harrier.Core.Store;

/// <summary>
/// The engine's writes, each one transaction over executions, task runs, jobs and wake-ups, and each fenced by the
/// lease it is made under: a planning pass under its <see cref="PlanningLease"/>, a worker's writes under its
/// <see cref="JobLease"/>. A write whose lease was lost throws <see cref="LeaseLostException"/>; a task run write based
/// on a replaced version throws <see cref="ConcurrencyConflictException"/>. Either way nothing is stored.
/// </summary>
/// <remarks>
/// Task runs with <see cref="TaskRun.Version"/> 0 are inserted (an existing identity is a conflict); others are updated
/// only while their stored version is still the one given. Every commit takes a new change sequence of the execution.
/// </remarks>
public interface IEngineCommits
{
    /// <summary>
    /// Saves the pass's task runs (and the values of ForEach decisions made in it; never their metrics, which only
    /// workers report), enqueues its jobs, updates the
    /// planner's fields of the execution when given, removes unleased jobs when asked, and completes the wake-up: it is
    /// deleted when no other wake-up came during the pass, otherwise freed for the next pass.
    /// </summary>
    Task CommitPlanAsync(PlanCommit commit, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the job that has been due the longest for <paramref name="claim"/> (as <see cref="IJobQueue.TryClaimAsync"/>,
    /// but without looking first: call it when a job is due) and reads its execution and task run in the same
    /// transaction; null when no job is claimable. When <paramref name="start"/> returns a RUNNING task run for the
    /// claimed job, that attempt start is stored in the same transaction too (see <see cref="ClaimedJob.Started"/>).
    /// </summary>
    /// <remarks><paramref name="start"/> runs inside the store's transaction: it must be quick and must not call the store.</remarks>
    Task<ClaimedJob?> ClaimJobAsync(JobClaim claim, Func<ClaimedJob, TaskRun?>? start, CancellationToken cancellationToken);

    /// <summary>Stores the start of an attempt (the task run as RUNNING) while the job's lease holds; returns it as stored.</summary>
    Task<TaskRun> StartAttemptAsync(JobLease lease, TaskRun running, CancellationToken cancellationToken);

    /// <summary>Saves a task run a worker-side flowable created or moved on, under that flowable's job lease; returns it as stored.</summary>
    Task<TaskRun> SaveChildAsync(JobLease lease, TaskRun child, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the attempt's result when given, enqueues the retry when given, removes the job and wakes the execution —
    /// leasing the wake-up to <see cref="AttemptCommit.HandOffTo"/> when asked and free; returns what it stored. With
    /// <see cref="AttemptCommit.ClaimNext"/>, then claims as <see cref="ClaimJobAsync"/> would, in the same transaction
    /// where the store can (SQLite) or right after it: the claim never undoes the commit (a failed claim gives no
    /// <see cref="AttemptCommitted.Next"/>), and a refused commit claims nothing.
    /// </summary>
    Task<AttemptCommitted> CommitAttemptAsync(AttemptCommit commit, CancellationToken cancellationToken);
}
