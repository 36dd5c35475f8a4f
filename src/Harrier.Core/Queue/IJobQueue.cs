namespace Harrier.Core.Queue;

/// <summary>
/// The queue of worker jobs, with leases. Delivery is at-least-once: a job whose lease expires (its worker died or
/// stalled) becomes claimable again, so a task may run twice but is never lost. Every claim takes a new epoch; renewal,
/// completion and release act only under the current one.
/// </summary>
/// <remarks>
/// Groups (pool claims, owner null): a job of group G is claimable only by workers of group G, a job without a group only
/// by workers without one (Kestra EE's default worker group). An owned claim (<c>harrier run</c>: one process runs its
/// executions alone) takes the jobs of its executions whatever their group.
/// Owner scope: a claim sees only the jobs of executions with the claim's owner (see <see cref="JobClaim.Owner"/>).
/// </remarks>
public interface IJobQueue
{
    /// <summary>Adds a job, claimable from <paramref name="notBefore"/> (now when null); its owner is its execution's.</summary>
    Task EnqueueAsync(WorkerJob job, DateTimeOffset? notBefore, CancellationToken cancellationToken);

    /// <summary>Claims the job that has been due the longest, or null when none is claimable.</summary>
    Task<JobLease?> TryClaimAsync(JobClaim claim, CancellationToken cancellationToken);

    /// <summary>Extends a lease; false when it was lost (another claim took the job, or the job is gone).</summary>
    Task<bool> RenewAsync(JobLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Removes a finished job; false when the lease was lost (then nothing is removed).</summary>
    Task<bool> CompleteAsync(JobLease lease, CancellationToken cancellationToken);

    /// <summary>Hands a job back unfinished (a stopping worker): claimable again at once; false when the lease was lost.</summary>
    Task<bool> ReleaseAsync(JobLease lease, CancellationToken cancellationToken);

    /// <summary>The earliest time a job of this claim's scope becomes claimable, so an idle worker can sleep until then.</summary>
    Task<DateTimeOffset?> NextDueAsync(JobClaim claim, CancellationToken cancellationToken);

    /// <summary>
    /// Jobs of this owner scope that have a worker group and are claimable now by nobody else (never claimed, or their
    /// lease expired), longest due first, <paramref name="limit"/> of them from <paramref name="offset"/> (a page): the
    /// executor applies a group's fallback to them when it has no live worker.
    /// </summary>
    Task<IReadOnlyList<WaitingGroupJob>> ListWaitingGroupJobsAsync(string? owner, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Claims this one job, whatever its group, when it is claimable now and of the claim's owner scope; null otherwise
    /// (taken by a worker meanwhile, done, or not due). The lease fences what the claimer then writes, as a worker's does.
    /// </summary>
    Task<JobLease?> TryClaimJobAsync(long jobId, JobClaim claim, CancellationToken cancellationToken);
}
