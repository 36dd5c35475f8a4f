using Harrier.Core.Executions;

namespace Harrier.Core.Store;

/// <summary>One consistent read for a planning pass: the execution (at <see cref="Execution.ChangeSeq"/>) and the task runs it needs.</summary>
/// <param name="Unfinished">Every task run not in a terminal state.</param>
/// <param name="Changed">Every task run written after <see cref="Execution.PlannedSeq"/> (some may also be unfinished).</param>
public sealed record PlanningRead(Execution Execution, IReadOnlyList<TaskRun> Unfinished, IReadOnlyList<TaskRun> Changed);
