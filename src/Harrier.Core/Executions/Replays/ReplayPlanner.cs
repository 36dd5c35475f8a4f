using Harrier.Core.Engine;
using Harrier.Core.Engine.Flowables.Dag;
using Harrier.Core.Flows;
using Harrier.Core.Queue;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Executions.Replays;

/// <summary>
/// Decides a replay from a task run (Kestra's <c>replay?taskRunId=</c>): a new execution of the same flow whose task runs
/// are copies of the original's, except the replayed run, what follows it and what it contains, which run again.
/// </summary>
/// <remarks>
/// "What follows" a run is decided level by level from the run up to the flow: in a sequential list (the flow's tasks,
/// Sequential, If and Switch branches, a ForEach iteration…) the tasks after it; in a Dag the tasks that depend on it,
/// directly or not; in a Parallel nothing (its siblings ran beside it, not after it); and at every level the list's
/// <c>errors</c> and <c>finally</c> tasks. Runs of other ForEach iterations are kept. The flowables around the replayed
/// run become RUNNING with their planning memo dropped (their branch decisions kept), so the planner walks their lists,
/// finds the copies and creates the missing runs, exactly as after a restart; the replayed run itself is reset in place
/// (see <see cref="Reset"/>). A task inside a WorkingDirectory shares its
/// directory with its siblings, so the replay starts from the WorkingDirectory. Copied ids derive from the new
/// execution's id and the original run's, so deciding the same replay twice decides the same one.
/// </remarks>
public static class ReplayPlanner
{
    public static ReplayDecision Plan(FlowDefinition flow, Execution execution, IReadOnlyList<TaskRun> taskRuns, string fromTaskRunId, string newExecutionId, DateTimeOffset now)
    {
        if (!execution.State.IsTerminal())
        {
            return ReplayDecision.Refused($"execution {execution.Id} is {execution.State.ToName()}; only an ended execution can be replayed from a task run (replay it whole, or wait for its end)");
        }

        var byId = taskRuns.ToDictionary(r => r.Id, StringComparer.Ordinal);
        if (!byId.TryGetValue(fromTaskRunId, out var target))
        {
            return ReplayDecision.Refused($"execution {execution.Id} has no task run '{fromTaskRunId}'; taskRunId must be the id of one of its task runs");
        }

        var chain = Chain(target, byId).ToList();
        if (chain.FirstOrDefault(run => flow.FindTask(run.TaskId) is null) is { } unknown)
        {
            return ReplayDecision.Refused($"task '{unknown.TaskId}' of task run {unknown.Id} is not a task of flow {flow.Namespace}.{flow.Id} revision {flow.Revision}; replay from a task the flow declares");
        }

        if (chain.LastOrDefault(run => flow.FindTask(run.TaskId)!.Type == CoreTaskTypes.WorkingDirectory) is { } directory && directory != target)
        {
            target = directory;
            chain = Chain(target, byId).ToList();
        }

        // The replayed run is kept (so the walk of its parent finds its iteration) and reset; what it contains goes.
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < chain.Count; i++)
        {
            var (child, parent) = (chain[i], i + 1 < chain.Count ? chain[i + 1] : null);
            var after = Following(flow, parent is null ? null : flow.FindTask(parent.TaskId), flow.FindTask(child.TaskId)!);
            foreach (var run in taskRuns.Where(r => r.ParentTaskRunId == parent?.Id && r.Iteration == child.Iteration && after.Contains(r.TaskId)))
            {
                dropped.Add(run.Id);
            }
        }

        AddDescendants(dropped, taskRuns, target.Id);
        var ids = taskRuns.Where(r => !dropped.Contains(r.Id)).ToDictionary(r => r.Id, r => Ids.From($"{newExecutionId}/{r.Id}"), StringComparer.Ordinal);
        var files = new ReplayFileMap(
            StoragePaths.Execution(execution.Namespace, execution.FlowId, execution.Id),
            StoragePaths.Execution(execution.Namespace, execution.FlowId, newExecutionId),
            ids,
            dropped);
        var reopened = chain.Skip(1).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var jobs = new List<WorkerJob>();
        var copies = taskRuns.Where(r => ids.ContainsKey(r.Id)).Select(run =>
        {
            var copy = run with
            {
                Id = ids[run.Id],
                ExecutionId = newExecutionId,
                ParentTaskRunId = run.ParentTaskRunId is { } parentId ? ids[parentId] : null,
                Outputs = files.Rewrite(run.Outputs),
                Version = 0,
                Quiet = false,
            };
            if (run.Id == target.Id)
            {
                return Reset(flow.FindTask(run.TaskId)!, copy, jobs);
            }

            return reopened.Contains(run.Id) ? copy with { State = State.Running, EndDate = null, Progress = null } : copy;
        }).ToList();

        var replay = ReplayLineage.Next(execution) with
        {
            Id = newExecutionId,
            State = State.Restarted,
            Inputs = files.Rewrite(execution.Inputs),
            Outputs = new Dictionary<string, object?>(),
            CreatedAt = now,
            StartDate = now,
            EndDate = null,
            Error = null,
            Owner = null,
            KillRequestedAt = null,
            KillEndState = null,
            ChangeSeq = 0,
            PlannedSeq = 0,
            Progress = null,
            // A replay is an execution of its own: its end wakes no parent, whose Subflow run waits for the original.
            ParentExecutionId = null,
            ParentTaskRunId = null,
            FlowSource = flow.Source,
            FlowSourceId = FlowSources.IdOf(flow.Source),
            FlowRevision = flow.Revision,
            RetryAt = null,
        };
        return ReplayDecision.Accepted(new ExecutionReplay(replay, copies, jobs, ids.ToDictionary(e => e.Value, e => e.Key, StringComparer.Ordinal), files));
    }

    /// <summary>
    /// The replayed run, ready to run again: a task a worker runs (a runnable, a WorkingDirectory) becomes RESTARTED with a
    /// job for its next attempt, as a restart does; another flowable becomes RUNNING with its memo dropped (its decision —
    /// ForEach values, If branch — kept), so the planner walks its lists from the start.
    /// </summary>
    private static TaskRun Reset(TaskDefinition task, TaskRun copy, List<WorkerJob> jobs)
    {
        if (task.IsFlowable && task.Type != CoreTaskTypes.WorkingDirectory)
        {
            return copy with { State = State.Running, EndDate = null, Progress = null };
        }

        jobs.Add(new WorkerJob(copy.ExecutionId, copy.Id, copy.Attempts.Count) { WorkerGroup = task.WorkerGroup });
        return copy with
        {
            State = State.Restarted,
            EndDate = null,
            NextAttemptAt = null,
            Decision = copy.Decision is null ? null : copy.Decision with { WorkerState = null },
        };
    }

    /// <summary>The ids of the tasks that run after <paramref name="child"/> in the list of <paramref name="parent"/> (null: the flow) it belongs to.</summary>
    private static HashSet<string> Following(FlowDefinition flow, TaskDefinition? parent, TaskDefinition child)
    {
        IReadOnlyDictionary<string, IReadOnlyList<TaskDefinition>> lists = parent?.Children
            ?? new Dictionary<string, IReadOnlyList<TaskDefinition>> { ["tasks"] = flow.Tasks, ["errors"] = flow.Errors, ["finally"] = flow.Finally };
        var (name, list) = lists.First(l => l.Value.Any(t => t.Id == child.Id));
        var position = list.ToList().FindIndex(t => t.Id == child.Id);
        IEnumerable<TaskDefinition> after = name switch
        {
            "finally" => list.Skip(position + 1),
            "errors" => list.Skip(position + 1).Concat(Named(lists, "finally")),
            _ when parent?.Type == CoreTaskTypes.Parallel => Named(lists, "errors").Concat(Named(lists, "finally")),
            _ when parent?.Flowable is DagSpec dag => Dependents(dag, child.Id).Select(id => list.First(t => t.Id == id)).Concat(Named(lists, "errors")).Concat(Named(lists, "finally")),
            _ => list.Skip(position + 1).Concat(Named(lists, "errors")).Concat(Named(lists, "finally")),
        };
        return after.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
    }

    private static IReadOnlyList<TaskDefinition> Named(IReadOnlyDictionary<string, IReadOnlyList<TaskDefinition>> lists, string name) =>
        lists.TryGetValue(name, out var list) ? list : [];

    /// <summary>The Dag's tasks that depend on <paramref name="taskId"/>, directly or through others.</summary>
    private static HashSet<string> Dependents(DagSpec dag, string taskId)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([taskId]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var (task, dependencies) in dag.DependsOn)
            {
                if (dependencies.Contains(current) && found.Add(task))
                {
                    pending.Enqueue(task);
                }
            }
        }

        return found;
    }

    private static void AddDescendants(HashSet<string> dropped, IReadOnlyList<TaskRun> taskRuns, string targetId)
    {
        foreach (var run in taskRuns.Where(r => r.ParentTaskRunId == targetId))
        {
            dropped.Add(run.Id);
        }

        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var run in taskRuns)
            {
                if (run.ParentTaskRunId is { } parent && dropped.Contains(parent) && dropped.Add(run.Id))
                {
                    grew = true;
                }
            }
        }
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
