namespace Harrier.Core.Queue;

/// <summary>
/// Durable wake-ups of executors: the executions that must be planned again. The writes that change an execution add
/// or bump its wake-up in their own transaction (see <see cref="Store.IEngineCommits"/>), so none is lost when a process
/// dies; in-process nudges only make executors look sooner. One executor at a time plans an execution (a lease);
/// different executions are planned in parallel. The commit of a pass completes the wake-up
/// (<see cref="Store.IEngineCommits.CommitPlanAsync"/>).
/// </summary>
public interface IPlanningQueue
{
    /// <summary>Claims the execution of this owner scope (null: the pool) that has been due the longest, or null.</summary>
    Task<PlanningLease?> TryClaimAsync(string executorId, string? owner, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Gives a claim back without a pass (the executor is stopping): due again at once. False when lost.</summary>
    Task<bool> ReleaseAsync(PlanningLease lease, CancellationToken cancellationToken);

    /// <summary>Wakes an execution now or at <paramref name="at"/> (whichever of it and an existing wake-up is sooner).</summary>
    Task WakeAsync(string executionId, DateTimeOffset? at, CancellationToken cancellationToken);

    /// <summary>When the next wake-up of this owner scope is due (it may be now), or null when there is none.</summary>
    Task<DateTimeOffset?> NextDueAsync(string? owner, CancellationToken cancellationToken);
}
