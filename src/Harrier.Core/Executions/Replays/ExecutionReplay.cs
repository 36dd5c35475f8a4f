using Harrier.Core.Queue;

namespace Harrier.Core.Executions.Replays;

/// <summary>
/// A replay from a task run to store in one transaction: the new execution (RESTARTED, in the server pool) and the copies
/// of the original's task runs it keeps, under new ids, with the task runs around the replayed one reopened (RUNNING,
/// planning memo dropped) so the planner walks their lists and runs what follows the replayed task again; the replayed run is reset, with a job
/// when a worker runs it.
/// <see cref="Originals"/> names the run each copy was made from (the store copies what it keeps beside a run, such as
/// a ForEach's values); <see cref="Files"/> maps the original's files to where the new execution keeps them.
/// </summary>
public sealed record ExecutionReplay(Execution Execution, IReadOnlyList<TaskRun> TaskRuns, IReadOnlyList<WorkerJob> Jobs, IReadOnlyDictionary<string, string> Originals, ReplayFileMap Files);
