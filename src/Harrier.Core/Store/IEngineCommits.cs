namespace Harrier.Core.Store;

/// <summary>
/// The engine's writes that span the execution store and the job queue and must land together: a planning pass
/// (new task runs, their jobs, the execution's state) and the end of an attempt (its result, a retry, the job's
/// acknowledgement).
/// </summary>
/// <remarks>
/// Atomic commits close crash windows (a task run CREATED whose job was never enqueued would wait forever) and are
/// the engine's hottest writes: one commit instead of three costs a sequential flow one transaction per step, not
/// three. A backend without cross-seam transactions may use <see cref="SequentialEngineCommits"/>, which keeps the
/// safe order but not atomicity.
/// </remarks>
public interface IEngineCommits
{
    /// <summary>Saves the task runs, enqueues the jobs (claimable now) and replaces the execution when given; all or nothing.</summary>
    Task CommitPlanAsync(PlanCommit commit, CancellationToken cancellationToken);

    /// <summary>Saves the task run when given, enqueues the retry when given and removes the leased job; all or nothing.</summary>
    /// <remarks>The job is removed only while the lease's worker still owns it (as <see cref="Queue.IJobQueue.CompleteAsync"/>).</remarks>
    Task CommitAttemptAsync(AttemptCommit commit, CancellationToken cancellationToken);
}
