using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Queue;

namespace Harrier.Core.Engine.Planning;

/// <summary>
/// The task runs of one planning pass, with the changes made so far, and a record of what the pass looked for but its
/// snapshot did not hold (a partial snapshot cannot tell "not created yet" from "not read").
/// </summary>
internal sealed class PlanWorkspace
{
    private readonly PlanningSnapshot _snapshot;
    private readonly List<TaskRun> _runs = [];
    private readonly Dictionary<TaskRunKey, int> _index = [];
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskRun> _changed = new(StringComparer.Ordinal);
    private readonly HashSet<TaskRunKey> _missing = [];
    private readonly HashSet<(string, int)> _missingValues = [];
    private readonly Dictionary<string, SortedSet<int>> _iterations = new(StringComparer.Ordinal);

    public PlanWorkspace(PlanningSnapshot snapshot)
    {
        _snapshot = snapshot;
        ExecutionProgress = snapshot.Execution.Progress ?? PlanProgress.Empty;
        foreach (var run in snapshot.TaskRuns)
        {
            if (_byId.TryGetValue(run.Id, out var at))
            {
                // The same run read twice (unfinished and changed): keep the newer write.
                if (run.Version > _runs[at].Version)
                {
                    _runs[at] = run;
                    _index[run.Key] = at;
                }

                continue;
            }

            _byId[run.Id] = _runs.Count;
            _index[run.Key] = _runs.Count;
            _runs.Add(run);
            NoteIteration(run);
        }
    }

    /// <summary>The iterations of <paramref name="parentId"/>'s children that this pass holds a run of, in order.</summary>
    public IReadOnlyCollection<int> IterationsSeen(string parentId) =>
        _iterations.TryGetValue(parentId, out var seen) ? seen : [];

    private void NoteIteration(TaskRun run)
    {
        if (run is { ParentTaskRunId: { } parent, Iteration: { } iteration })
        {
            if (!_iterations.TryGetValue(parent, out var seen))
            {
                _iterations[parent] = seen = [];
            }

            seen.Add(iteration);
        }
    }

    public IReadOnlyList<TaskRun> Runs => _runs;

    public List<WorkerJob> Jobs { get; } = [];

    public List<LogEntry> Logs { get; } = [];

    /// <summary>Child executions this pass asks the executor to start (a Subflow's), stored with its commit.</summary>
    public List<SubflowStart> Subflows { get; } = [];

    /// <summary>Files to write before this pass's commit.</summary>
    public List<PlannedFile> Files { get; } = [];

    /// <summary>Child executions the pass needed but its snapshot did not hold: read them and plan again.</summary>
    public HashSet<string> MissingChildren { get; } = new(StringComparer.Ordinal);

    /// <summary>Child executions to kill with this pass's commit.</summary>
    public List<string> KillChildren { get; } = [];

    /// <summary>
    /// A child execution as last read; null when it is not known yet (recorded as missing unless this pass starts it) or
    /// was read and found absent — <paramref name="absent"/> tells which.
    /// </summary>
    public Execution? Child(string executionId, out bool absent)
    {
        absent = false;
        if (_snapshot.Children.TryGetValue(executionId, out var child))
        {
            absent = child is null;
            return child;
        }

        if (Subflows.All(s => s.ChildExecutionId != executionId))
        {
            MissingChildren.Add(executionId);
        }

        return null;
    }

    /// <summary>Executions to start with this pass's commit (Subflow's children).</summary>
    public List<Execution> NewExecutions { get; } = [];

    /// <summary>The earliest time a flowable asked to be planned again at (see <see cref="WakeAt(DateTimeOffset)"/>).</summary>
    public DateTimeOffset? WakeTime { get; private set; }

    /// <summary>Asks for another pass at <paramref name="time"/> at the latest (a Pause's delay, a WaitFor's interval).</summary>
    public void WakeAt(DateTimeOffset time)
    {
        if (WakeTime is not { } earlier || time < earlier)
        {
            WakeTime = time;
        }
    }

    public IReadOnlyList<TaskRun> Changed => [.. _changed.Values];

    public PlanProgress ExecutionProgress { get; set; }

    public IReadOnlyCollection<TaskRunKey> Missing => _missing;

    public IReadOnlyCollection<(string TaskRunId, int Index)> MissingValues => _missingValues;

    public bool NeedsOutputs { get; private set; }

    public bool OutputsLoaded => _snapshot.OutputsLoaded || _snapshot.Complete;

    /// <summary>
    /// The run with this identity, or null when there is none — or when the snapshot does not say (then it is recorded as
    /// missing), unless <paramref name="absentUnlessSeen"/>: a list memo says a run it does not see does not exist.
    /// </summary>
    public TaskRun? Find(string taskId, string? parentId, int? iteration, bool absentUnlessSeen = false)
    {
        var key = new TaskRunKey(taskId, parentId, iteration);
        if (_index.TryGetValue(key, out var i))
        {
            return _runs[i];
        }

        // The children of a run created in this pass cannot exist yet.
        var parentIsNew = parentId is not null && _byId.TryGetValue(parentId, out var p) && _runs[p].Version == 0;
        if (!absentUnlessSeen && !parentIsNew && !_snapshot.Complete && !_snapshot.Absent.Contains(key))
        {
            _missing.Add(key);
        }

        return null;
    }

    /// <summary>The latest version of a run in this pass.</summary>
    public TaskRun Latest(TaskRun run) => _byId.TryGetValue(run.Id, out var i) ? _runs[i] : run;

    /// <summary>Value <paramref name="index"/> of a ForEach run, or null when not read yet (recorded as missing).</summary>
    public string? Value(TaskRun forEach, int index)
    {
        if (forEach.Decision?.Values is { } values)
        {
            return values[index];
        }

        if (_snapshot.Values.TryGetValue(forEach.Id, out var read) && read.TryGetValue(index, out var value))
        {
            return value;
        }

        _missingValues.Add((forEach.Id, index));
        return null;
    }

    /// <summary>
    /// Whether expressions may read <c>outputs</c> now; when not, records that they must be loaded and the caller leaves
    /// the decision for the next pass.
    /// </summary>
    public bool EnsureOutputs()
    {
        if (OutputsLoaded)
        {
            return true;
        }

        NeedsOutputs = true;
        return false;
    }

    public TaskRun Add(TaskRun run)
    {
        _index[run.Key] = _runs.Count;
        _byId[run.Id] = _runs.Count;
        _runs.Add(run);
        _changed[run.Id] = run;
        NoteIteration(run);
        return run;
    }

    public TaskRun Update(TaskRun run)
    {
        var i = _byId[run.Id];
        _runs[i] = run;
        _changed[run.Id] = run;
        return run;
    }

    public void Log(TaskRun? run, TaskLogLevel level, string message, DateTimeOffset now) => Logs.Add(new LogEntry
    {
        ExecutionId = run?.ExecutionId ?? "",
        TaskRunId = run?.Id,
        TaskId = run?.TaskId,
        Level = level,
        Message = message,
        Timestamp = now,
    });
}
