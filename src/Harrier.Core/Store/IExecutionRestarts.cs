using Harrier.Core.Executions.Replays;
using Harrier.Core.Executions.Restarts;

namespace Harrier.Core.Store;

/// <summary>
/// Stores a restart (<see cref="Executions.Restarts.RestartPlanner"/>) in one transaction: the execution (only while it is
/// still ended and unchanged since it was read), its reset task runs (versioned), their jobs, and a wake-up, all in the
/// server pool; and a replay from a task run (<see cref="Executions.Replays.ReplayPlanner"/>) likewise. Contract:
/// <c>Harrier.TestKit.Contracts.ExecutionRestartsContract</c>.
/// </summary>
public interface IExecutionRestarts
{
    /// <summary>False, with nothing changed, when the execution changed or was restarted since it was read.</summary>
    Task<bool> RestartAsync(ExecutionRestart restart, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the new execution of a replay with its copied task runs (metrics included), its jobs and a wake-up, in the server pool,
    /// in one transaction. False, with nothing changed, when an execution with its id exists (the same replay stored twice).
    /// </summary>
    Task<bool> ReplayAsync(ExecutionReplay replay, CancellationToken cancellationToken);
}
