using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Queue;

namespace Harrier.Core.Engine.Planning;

/// <summary>The task runs of one planning pass, with the changes made so far.</summary>
internal sealed class PlanWorkspace
{
    private readonly List<TaskRun> _runs;
    private readonly Dictionary<(string TaskId, string? ParentId, int? Iteration), int> _index = [];
    private readonly Dictionary<string, TaskRun> _changed = new(StringComparer.Ordinal);

    // ForEach asks for every iteration whether it started: a scan of all runs made each pass quadratic in the values.
    private readonly HashSet<(string ParentId, int? Iteration)> _parents = [];

    public PlanWorkspace(IReadOnlyList<TaskRun> runs)
    {
        _runs = [.. runs];
        for (var i = 0; i < _runs.Count; i++)
        {
            _index[Key(_runs[i])] = i;
            if (_runs[i].ParentTaskRunId is { } parent)
            {
                _parents.Add((parent, _runs[i].Iteration));
            }
        }
    }

    public IReadOnlyList<TaskRun> Runs => _runs;

    public List<WorkerJob> Jobs { get; } = [];

    public List<LogEntry> Logs { get; } = [];

    public IReadOnlyList<TaskRun> Changed => [.. _changed.Values];

    public TaskRun? Find(string taskId, string? parentId, int? iteration) =>
        _index.TryGetValue((taskId, parentId, iteration), out var i) ? _runs[i] : null;

    public bool HasChildren(string parentId, int? iteration) => _parents.Contains((parentId, iteration));

    public TaskRun Add(TaskRun run)
    {
        _index[Key(run)] = _runs.Count;
        _runs.Add(run);
        if (run.ParentTaskRunId is { } parent)
        {
            _parents.Add((parent, run.Iteration));
        }

        _changed[run.Id] = run;
        return run;
    }

    public TaskRun Update(TaskRun run)
    {
        var i = _index[Key(run)];
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

    private static (string, string?, int?) Key(TaskRun run) => (run.TaskId, run.ParentTaskRunId, run.Iteration);
}
