namespace Harrier.Core.Queue;

/// <summary>
/// The queue of worker jobs, with leases. Delivery is at-least-once: a job whose lease expires (its worker died or
/// stalled) becomes claimable again, so a task may run twice but is never lost. Every claim takes a new epoch; renewal,
/// completion and release act only under the current one.
/// </summary>
/// <remarks>
/// Groups: a job without a group is claimable by any worker, a job of group G only by workers of group G.
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
}
