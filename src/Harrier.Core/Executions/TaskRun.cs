using Harrier.Core.Metrics;

namespace Harrier.Core.Executions;

/// <summary>
/// A task's run inside an execution. Identified within its parent by (<see cref="TaskId"/>,
/// <see cref="ParentTaskRunId"/>, <see cref="Iteration"/>), so a ForEach runs the same task once per value.
/// </summary>
public sealed record TaskRun
{
    public required string Id { get; init; }

    public required string ExecutionId { get; init; }

    public required string TaskId { get; init; }

    public string? ParentTaskRunId { get; init; }

    /// <summary>The ForEach value (<c>taskrun.value</c>), inherited by descendants.</summary>
    public string? Value { get; init; }

    /// <summary>The ForEach iteration index, inherited by descendants; null outside a ForEach.</summary>
    public int? Iteration { get; init; }

    public required State State { get; init; }

    public IReadOnlyList<TaskRunAttempt> Attempts { get; init; } = [];

    public IReadOnlyDictionary<string, object?> Outputs { get; init; } = new Dictionary<string, object?>();

    public IReadOnlyList<MetricEntry> Metrics { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    /// <summary>Executor bookkeeping for flowables: the If branch taken, the ForEach values. Never shown as outputs.</summary>
    public FlowableDecision? Decision { get; init; }

    /// <summary>When the next attempt may start (a retry waiting for its interval).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>
    /// The store's change sequence at this run's last write (0: never stored). A write of a stored run names the value it
    /// read and fails with <see cref="Store.ConcurrencyConflictException"/> when another writer came first.
    /// </summary>
    public long Version { get; init; }

    /// <summary>The ForEach values of the iterations enclosing this run, outermost first: its key in <c>outputs.taskId['v']…</c>.</summary>
    public IReadOnlyList<string> OutputPath { get; init; } = [];

    /// <summary>Flowables: the planner's memo of how far each child list has finished.</summary>
    public PlanProgress? Progress { get; init; }

    /// <summary>
    /// A runnable child of a ForEach whose body is runnable only: its parent's memo tracks its iteration, so a planning
    /// pass need not read it while it is unfinished and did not change since the previous pass (it is still running).
    /// Every unfinished run is read while the execution is being killed, to be killed.
    /// </summary>
    public bool Quiet { get; init; }

    public int AttemptsCount => Attempts.Count;

    /// <summary>The identity a task run is unique by within its execution.</summary>
    public TaskRunKey Key => new(TaskId, ParentTaskRunId, Iteration);
}
