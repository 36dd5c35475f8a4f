using Harrier.Core.Executions;

namespace Harrier.Core.Store;

/// <summary>
/// Durable executions and task runs. Every write is committed before the method returns, so whatever a
/// caller reports afterwards (to a user, to the executor) survives a crash.
/// </summary>
public interface IExecutionStore
{
    Task CreateExecutionAsync(Execution execution, CancellationToken cancellationToken);

    Task<Execution?> GetExecutionAsync(string id, CancellationToken cancellationToken);

    /// <summary>Replaces the stored execution with this one (same id).</summary>
    Task UpdateExecutionAsync(Execution execution, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<Execution>> ListExecutionsAsync(ExecutionQuery query, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces a task run, its attempts and its metrics.</summary>
    Task SaveTaskRunAsync(TaskRun taskRun, CancellationToken cancellationToken);

    /// <summary>Saves several task runs in one transaction (the executor's planning pass).</summary>
    Task SaveTaskRunsAsync(IReadOnlyList<TaskRun> taskRuns, CancellationToken cancellationToken);

    Task<TaskRun?> GetTaskRunAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every task run of an execution, in creation order.</summary>
    Task<IReadOnlyList<TaskRun>> GetTaskRunsAsync(string executionId, CancellationToken cancellationToken);
}
