using Harrier.Core.Executions;
using Harrier.Core.Queue;

namespace Harrier.Core.Store;

/// <summary>What the end of a claimed job writes: its task run (when changed), a retry job (when due) and its acknowledgement.</summary>
public sealed record AttemptCommit(JobLease Completed, TaskRun? TaskRun)
{
    /// <summary>The next attempt's job and when it becomes claimable.</summary>
    public (WorkerJob Job, DateTimeOffset NotBefore)? Retry { get; init; }

    /// <summary>
    /// An executor of the worker's own process to hand the execution's wake-up to, leased in the same transaction when no
    /// executor holds it: the local executor plans the next step without a claim of its own.
    /// </summary>
    public (string ExecutorId, TimeSpan LeaseDuration)? HandOffTo { get; init; }

    /// <summary>Log lines to store in the same transaction (the attempt's last ones, and any others still pending).</summary>
    public IReadOnlyList<LogEntry> Logs { get; init; } = [];

    /// <summary>A claim to make once the attempt is committed, its result in <see cref="AttemptCommitted.Next"/>.</summary>
    public NextClaim? ClaimNext { get; init; }
}

/// <summary>
/// What an attempt's commit stored: the task run (with its new version), the planning lease when handed off, and the log
/// lines with their sequences.
/// </summary>
public sealed record AttemptCommitted(TaskRun? TaskRun, PlanningLease? Planning)
{
    public IReadOnlyList<LogEntry> Logs { get; init; } = [];

    /// <summary>The job <see cref="AttemptCommit.ClaimNext"/> claimed; null when none was asked, none was claimable, or the claim failed.</summary>
    public ClaimedJob? Next { get; init; }
}
