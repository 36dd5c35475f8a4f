using Harrier.Core.Executions;
using Harrier.Core.Queue;

namespace Harrier.Core.Store;

/// <summary>
/// A claimed job with its execution and task run as they were when it was claimed (null when gone), and — when the
/// claimer started the attempt in the same transaction — the task run as stored RUNNING.
/// </summary>
public sealed record ClaimedJob(JobLease Lease, Execution? Execution, TaskRun? TaskRun)
{
    public TaskRun? Started { get; init; }
}
