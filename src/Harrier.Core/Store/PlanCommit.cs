using Harrier.Core.Executions;
using Harrier.Core.Queue;

namespace Harrier.Core.Store;

/// <summary>What one planning pass writes, under the lease it planned with.</summary>
public sealed record PlanCommit(PlanningLease Lease)
{
    public IReadOnlyList<TaskRun> TaskRuns { get; init; } = [];

    public IReadOnlyList<WorkerJob> Jobs { get; init; } = [];

    /// <summary>
    /// The execution with the planner's fields to store (state, dates, outputs, error, planned sequence, progress);
    /// null to leave the row alone. Other fields (owner, kill request, labels) are never written from here.
    /// </summary>
    public Execution? Execution { get; init; }

    /// <summary>Remove the execution's jobs that no worker holds (it is being killed).</summary>
    public bool CancelUnleasedJobs { get; init; }

    /// <summary>Plan the execution again at this time even if nothing else wakes it (a timer).</summary>
    public DateTimeOffset? WakeAt { get; init; }

    /// <summary>Executions to create with the pass (a Subflow's children), each woken for its own executors.</summary>
    public IReadOnlyList<Execution> NewExecutions { get; init; } = [];

    /// <summary>
    /// Executions to kill with the pass (the running children of a Subflow whose execution is killed): a kill request is
    /// stored for each one that is unfinished and not yet asked, and it is woken, as <see cref="IKillRequests"/> does.
    /// </summary>
    public IReadOnlyList<string> KillExecutions { get; init; } = [];
}
