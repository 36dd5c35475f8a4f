using Harrier.Core.Executions;
using Harrier.Core.Queue;

namespace Harrier.Core.Engine.Planning;

/// <summary>
/// What one planning pass decided: task runs to create or update (to be saved in one transaction), jobs to
/// enqueue with them, log lines, the execution's new state and top-level progress — or, when it met task runs, values
/// or outputs its snapshot did not hold, what to read before planning again (then nothing else counts).
/// </summary>
public sealed record ExecutionPlan
{
    public required IReadOnlyList<TaskRun> SavedTaskRuns { get; init; }

    public required IReadOnlyList<WorkerJob> Jobs { get; init; }

    public required IReadOnlyList<LogEntry> Logs { get; init; }

    public required State ExecutionState { get; init; }

    /// <summary>The memo of the execution's top-level lists after this pass.</summary>
    public PlanProgress? ExecutionProgress { get; init; }

    /// <summary>When the execution must be planned again even if nothing happens (the earliest timer a flowable set: a delay, a poll).</summary>
    public DateTimeOffset? WakeAt { get; init; }

    /// <summary>Executions this pass starts (a Subflow's child), stored in the same commit as the pass.</summary>
    public IReadOnlyList<Execution> NewExecutions { get; init; } = [];

    /// <summary>Child executions this pass starts (Subflows): the executor resolves each flow and stores them with the pass.</summary>
    public IReadOnlyList<SubflowStart> Subflows { get; init; } = [];

    /// <summary>Files to write before the commit (see <see cref="PlannedFile"/>).</summary>
    public IReadOnlyList<PlannedFile> Files { get; init; } = [];

    public IReadOnlyCollection<string> MissingChildren { get; init; } = [];

    /// <summary>Child executions to kill with this pass (a killed execution's running Subflow children).</summary>
    public IReadOnlyList<string> KillChildren { get; init; } = [];

    public IReadOnlyCollection<TaskRunKey> MissingTaskRuns { get; init; } = [];

    public IReadOnlyCollection<(string TaskRunId, int Index)> MissingValues { get; init; } = [];

    public bool NeedsOutputs { get; init; }

    /// <summary>False when the pass must be planned again after reading what it missed; its other fields are then meaningless.</summary>
    public bool IsComplete => MissingTaskRuns.Count == 0 && MissingValues.Count == 0 && MissingChildren.Count == 0 && !NeedsOutputs;

    public bool IsFinished => ExecutionState.IsTerminal();
}
