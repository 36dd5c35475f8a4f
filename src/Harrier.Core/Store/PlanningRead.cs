using Harrier.Core.Executions;

namespace Harrier.Core.Store;

/// <summary>One consistent read for a planning pass: the execution (at <see cref="Execution.ChangeSeq"/>) and the task runs it needs.</summary>
/// <param name="Unfinished">Every task run not in a terminal state.</param>
/// <param name="Changed">Every task run written after <see cref="Execution.PlannedSeq"/> (some may also be unfinished).</param>
public sealed record PlanningRead(Execution Execution, IReadOnlyList<TaskRun> Unfinished, IReadOnlyList<TaskRun> Changed)
{
    /// <summary>
    /// The execution's wake-up count in the same snapshot (null when the store has no wake-up row for it). Every write
    /// that wakes an execution stores its change in the same transaction as the count, so a pass that read this count
    /// has seen what every wake-up it counts was for: its commit may treat them as done (see <see cref="Queue.PlanningLease.WakeCount"/>).
    /// </summary>
    public long? WakeCount { get; init; }
}
