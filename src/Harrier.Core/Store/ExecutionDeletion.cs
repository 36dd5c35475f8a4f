namespace Harrier.Core.Store;

/// <summary>What <see cref="IExecutionDeletions.DeleteAsync"/> did.</summary>
public enum ExecutionDeletion
{
    Deleted,
    NotFound,

    /// <summary>Refused: the execution has not ended (kill it first); nothing was deleted.</summary>
    NotFinished,
}
