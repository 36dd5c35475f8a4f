namespace Harrier.Core.Queue;

/// <summary>
/// The queue of worker jobs, with leases. Delivery is at-least-once: a job whose lease expires (its
/// worker died) becomes claimable again, so a task may run twice but is never lost.
/// </summary>
public interface IJobQueue
{
    /// <summary>Adds a job, claimable from <paramref name="notBefore"/> (now when null).</summary>
    Task EnqueueAsync(WorkerJob job, DateTimeOffset? notBefore, CancellationToken cancellationToken);

    /// <summary>Claims the oldest claimable job of the worker's group (or any group-less job), or null when none.</summary>
    Task<JobLease?> TryClaimAsync(string workerId, string? workerGroup, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Extends a lease; false when the lease was lost (expired and claimed by another worker).</summary>
    Task<bool> RenewAsync(JobLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Removes a finished job. Idempotent.</summary>
    Task CompleteAsync(JobLease lease, CancellationToken cancellationToken);

    /// <summary>The earliest time a waiting job becomes claimable, so a worker can sleep until then.</summary>
    Task<DateTimeOffset?> NextDueAsync(string? workerGroup, CancellationToken cancellationToken);

    /// <summary>Removes every job of an execution (it was killed).</summary>
    Task<int> CancelExecutionAsync(string executionId, CancellationToken cancellationToken);
}
