using Harrier.Core.Executions;
using Harrier.Core.Queue;

namespace Harrier.Core.Store;

/// <summary>What one planning pass writes: task runs saved, jobs enqueued, and the execution when it changed.</summary>
public sealed record PlanCommit(IReadOnlyList<TaskRun> TaskRuns, IReadOnlyList<WorkerJob> Jobs, Execution? Execution);
