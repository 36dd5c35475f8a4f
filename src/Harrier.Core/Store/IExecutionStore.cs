using Harrier.Core.Executions;

namespace Harrier.Core.Store;

/// <summary>
/// Durable executions and task runs: creation and every read the engine and the tools make. The engine's writes
/// under leases are <see cref="IEngineCommits"/>. Every write is committed before the method returns, so whatever a
/// caller reports afterwards (to a user, to the executor) survives a crash.
/// </summary>
public interface IExecutionStore
{
    /// <summary>
    /// Stores a new execution and wakes the executors of its owner (one transaction). Its flow document is stored once per
    /// distinct text, under <see cref="Execution.FlowSourceId"/> (computed when not given).
    /// </summary>
    Task CreateExecutionAsync(Execution execution, CancellationToken cancellationToken);

    /// <summary>The execution, without its flow document when that is stored apart (see <see cref="Execution.FlowSource"/>).</summary>
    Task<Execution?> GetExecutionAsync(string id, CancellationToken cancellationToken);

    /// <summary>A stored flow document by <see cref="Execution.FlowSourceId"/>, or null when there is none.</summary>
    Task<string?> GetFlowSourceAsync(string flowSourceId, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<Execution>> ListExecutionsAsync(ExecutionQuery query, CancellationToken cancellationToken);

    Task<TaskRun?> GetTaskRunAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every task run of an execution, in creation order (with metrics).</summary>
    Task<IReadOnlyList<TaskRun>> GetTaskRunsAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>
    /// What a planning pass starts from, read in one snapshot: the execution, every unfinished task run, and every task
    /// run written after the execution's <see cref="Execution.PlannedSeq"/>. Without metrics.
    /// </summary>
    Task<PlanningRead?> ReadForPlanningAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>The stored task runs with these identities (those that exist), without metrics.</summary>
    Task<IReadOnlyList<TaskRun>> FindTaskRunsAsync(string executionId, IReadOnlyCollection<TaskRunKey> keys, CancellationToken cancellationToken);

    /// <summary>ForEach values <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> − 1 (fewer at the end).</summary>
    Task<IReadOnlyList<string>> GetForEachValuesAsync(string taskRunId, int from, int count, CancellationToken cancellationToken);

    /// <summary>The task runs of an execution that have outputs (what the <c>outputs</c> variable is made of), without metrics.</summary>
    Task<IReadOnlyList<TaskRun>> GetTaskRunsWithOutputsAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or replaces a task run outside any lease (tests, tools). It still takes a new change sequence, so the
    /// planner sees it; the engine itself only writes through <see cref="IEngineCommits"/>.
    /// </summary>
    Task SaveTaskRunAsync(TaskRun taskRun, CancellationToken cancellationToken);

    /// <summary>
    /// Adds labels to a stored execution in one transaction (a label of the same key is replaced, the others kept, the
    /// order of first appearance kept); returns the labels now stored, or null when there is no such execution.
    /// </summary>
    Task<IReadOnlyList<Core.Flows.FlowLabel>?> AddLabelsAsync(string executionId, IReadOnlyList<Core.Flows.FlowLabel> labels, CancellationToken cancellationToken);
}
