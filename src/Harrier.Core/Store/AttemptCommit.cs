using Harrier.Core.Executions;
using Harrier.Core.Queue;

namespace Harrier.Core.Store;

/// <summary>What the end of a claimed job writes: its task run (when changed), a retry job (when due) and its acknowledgement.</summary>
public sealed record AttemptCommit(JobLease Completed, TaskRun? TaskRun)
{
    /// <summary>The next attempt's job and when it becomes claimable.</summary>
    public (WorkerJob Job, DateTimeOffset NotBefore)? Retry { get; init; }
}
