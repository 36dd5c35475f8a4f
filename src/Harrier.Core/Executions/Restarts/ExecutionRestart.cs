using Harrier.Core.Queue;

namespace Harrier.Core.Executions.Restarts;

/// <summary>
/// A restart to store in one transaction: the execution as it becomes (RESTARTED, in the server pool) with the change
/// sequence it was read at, the task runs reset (with the versions they were read at), and a job per task to run again.
/// </summary>
public sealed record ExecutionRestart(Execution Execution, IReadOnlyList<TaskRun> TaskRuns, IReadOnlyList<WorkerJob> Jobs);
