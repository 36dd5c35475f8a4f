namespace Harrier.Core.Store;

/// <summary>
/// Deleting an ended execution with everything the store holds of it (task runs, metrics, log lines, jobs, wake-ups) in
/// one transaction. Files in storage are the caller's. Contract: <c>Harrier.TestKit.Contracts.ExecutionDeletionsContract</c>.
/// </summary>
public interface IExecutionDeletions
{
    /// <summary>Deletes the execution when it has ended; <paramref name="keepLogs"/> leaves its log lines in place.</summary>
    Task<ExecutionDeletion> DeleteAsync(string executionId, bool keepLogs, CancellationToken cancellationToken);
}
