using Harrier.Core.Executions.Restarts;

namespace Harrier.Core.Store;

/// <summary>
/// Stores a restart (<see cref="Executions.Restarts.RestartPlanner"/>) in one transaction: the execution (only while it is
/// still ended and unchanged since it was read), its reset task runs (versioned), their jobs, and a wake-up, all in the
/// server pool. Contract: <c>Harrier.TestKit.Contracts.ExecutionRestartsContract</c>.
/// </summary>
public interface IExecutionRestarts
{
    /// <summary>False, with nothing changed, when the execution changed or was restarted since it was read.</summary>
    Task<bool> RestartAsync(ExecutionRestart restart, CancellationToken cancellationToken);
}
