using Harrier.Core.Flows;
using Harrier.Core.Queue;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Executions.Restarts;

/// <summary>
/// Decides a restart of a FAILED or KILLED execution (Kestra's restart): the task runs that made it fail run again as a
/// new attempt of the same task run; whatever succeeded is kept and never runs again.
/// </summary>
/// <remarks>
/// A run "made it fail" when it is in a failure state and so is every flowable around it (a failure under a flowable that
/// allowed it did not fail the execution). Such runnable tasks become RESTARTED with a job for their next attempt; the
/// flowables around them become RUNNING again with their planning memos dropped, so the planner walks their lists anew —
/// finding the kept runs, creating the ones a failure had kept from starting. The execution becomes RESTARTED without its
/// end, error, outputs, kill request and memo, and moves to the server pool. Tasks inside a WorkingDirectory share its one
/// directory and run on one worker, so restarting one alone is refused; so is restarting a failed ForEachItem.
/// </remarks>
public static class RestartPlanner
{
    public static RestartDecision Plan(FlowDefinition flow, Execution execution, IReadOnlyList<TaskRun> taskRuns)
    {
        if (execution.State is not (State.Failed or State.Killed))
        {
            return RestartDecision.Refused($"execution {execution.Id} is {execution.State.ToName()}; only a FAILED or KILLED execution can be restarted");
        }

        var byId = taskRuns.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var failed = taskRuns.Where(r => r.State.IsFailure() && Chain(r, byId).All(a => a.State.IsFailure())).ToList();
        var runnable = failed.Where(r => flow.FindTask(r.TaskId) is { IsFlowable: false }).ToList();
        if (runnable.FirstOrDefault(r => Chain(r, byId).Skip(1).Any(a => flow.FindTask(a.TaskId)?.Type == CoreTaskTypes.WorkingDirectory)) is { } shared)
        {
            return RestartDecision.Refused($"task '{shared.TaskId}' ran inside a WorkingDirectory, whose tasks share one directory; restarting it alone is not supported yet");
        }

        // Its children are executions of their own (their ids derive from the run): running it again would meet them.
        if (failed.FirstOrDefault(r => flow.FindTask(r.TaskId)?.Type == CoreTaskTypes.ForEachItem) is { } items)
        {
            return RestartDecision.Refused($"task '{items.TaskId}' is a ForEachItem, whose batches ran as executions of their own; restarting it is not supported yet: start a new execution (or restart the failed batch executions)");
        }

        if (failed.Count == 0)
        {
            return RestartDecision.Refused($"execution {execution.Id} has no failed task run to run again");
        }

        var reset = new List<TaskRun>();
        var jobs = new List<WorkerJob>();
        foreach (var run in failed)
        {
            var task = flow.FindTask(run.TaskId);
            if (task is { IsFlowable: false })
            {
                reset.Add(run with { State = State.Restarted, EndDate = null, NextAttemptAt = null });
                jobs.Add(new WorkerJob(execution.Id, run.Id, run.Attempts.Count) { WorkerGroup = task.WorkerGroup });
            }
            else
            {
                reset.Add(run with { State = State.Running, EndDate = null, Progress = null });
            }
        }

        var restarted = execution with
        {
            State = State.Restarted,
            EndDate = null,
            Error = null,
            KillRequestedAt = null,
            Outputs = new Dictionary<string, object?>(),
            Progress = null,
            Owner = null,
        };
        return RestartDecision.Accepted(new ExecutionRestart(restarted, reset, jobs));
    }

    /// <summary>The run and its ancestors, innermost first.</summary>
    private static IEnumerable<TaskRun> Chain(TaskRun run, Dictionary<string, TaskRun> byId)
    {
        for (TaskRun? current = run; current is not null; current = current.ParentTaskRunId is { } parent ? byId.GetValueOrDefault(parent) : null)
        {
            yield return current;
        }
    }
}
