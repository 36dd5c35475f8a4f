namespace Harrier.Core.Queue;

/// <summary>A task run attempt waiting for a worker. The worker loads everything else from the store.</summary>
public sealed record WorkerJob(string ExecutionId, string TaskRunId, int Attempt)
{
    /// <summary>Only workers of this group claim the job (null: any worker).</summary>
    public string? WorkerGroup { get; init; }
}
