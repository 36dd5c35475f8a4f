using Harrier.Core.Executions;

namespace Harrier.Core.Store;

/// <summary>Which process runs which execution, and handing executions over from a dead process (recovery).</summary>
public interface IExecutionOwnership
{
    /// <summary>Every execution not in a terminal state, with its owner.</summary>
    Task<IReadOnlyList<UnfinishedExecution>> ListUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Moves an execution from <paramref name="expectedOwner"/> to <paramref name="newOwner"/> (null: the server pool)
    /// with its jobs and wake-up, frees the leases the old owner's workers held on its jobs, and wakes its executor —
    /// one transaction. False when the owner is no longer <paramref name="expectedOwner"/> (someone else adopted it) or
    /// the execution has ended. Only call it once the old owner is known to be dead.
    /// </summary>
    Task<bool> AdoptAsync(string executionId, string? expectedOwner, string? newOwner, CancellationToken cancellationToken);
}

public sealed record UnfinishedExecution(string Id, string Namespace, string FlowId, State State, string? Owner, DateTimeOffset CreatedAt);
