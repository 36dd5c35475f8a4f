using Harrier.Core.Executions;
using Harrier.Core.Queue;

namespace Harrier.Core.Engine.Planning;

/// <summary>
/// What one planning pass decided: task runs to create or update (to be saved in one transaction), jobs to
/// enqueue afterwards, log lines, and the execution's new state.
/// </summary>
public sealed record ExecutionPlan
{
    public required IReadOnlyList<TaskRun> SavedTaskRuns { get; init; }

    public required IReadOnlyList<WorkerJob> Jobs { get; init; }

    public required IReadOnlyList<LogEntry> Logs { get; init; }

    public required State ExecutionState { get; init; }

    public bool IsFinished => ExecutionState.IsTerminal();
}
