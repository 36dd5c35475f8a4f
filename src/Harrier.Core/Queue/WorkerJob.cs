namespace Harrier.Core.Queue;

/// <summary>A task run attempt waiting for a worker. The worker loads everything else from the store.</summary>
/// <remarks>The job's owner scope is not part of it: the store copies the execution's owner when it enqueues the job.</remarks>
public sealed record WorkerJob(string ExecutionId, string TaskRunId, int Attempt)
{
    /// <summary>Only workers of this group claim the job (null: only workers without a group); see <see cref="IJobQueue"/>.</summary>
    public string? WorkerGroup { get; init; }
}
