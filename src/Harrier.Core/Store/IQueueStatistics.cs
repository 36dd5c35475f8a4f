namespace Harrier.Core.Store;

/// <summary>Figures about the job queue for monitoring (read-only, never on the engine's path).</summary>
public interface IQueueStatistics
{
    Task<QueueDepth> GetDepthAsync(CancellationToken cancellationToken);
}
