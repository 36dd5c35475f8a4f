using System.Collections.Concurrent;
using Harrier.Core.Executions;

namespace Harrier.Core.Store;

/// <summary>
/// A write-through cache of running executions and their task runs, in front of the real store. The
/// executor and the workers re-read an execution's task runs at every step; serving those reads from
/// memory turns a per-task cost that grew with the execution's size into a constant one.
/// </summary>
/// <remarks>
/// Correct only while this process is the sole writer of the executions it caches — standalone mode.
/// Writes always reach the store first, so nothing is lost if the process dies; finished executions
/// are evicted and read from the store again.
/// </remarks>
public sealed class WriteThroughExecutionCache(IExecutionStore store) : IExecutionStore
{
    private readonly ConcurrentDictionary<string, CachedExecution> _executions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _executionOfTaskRun = new(StringComparer.Ordinal);

    public async Task CreateExecutionAsync(Execution execution, CancellationToken cancellationToken)
    {
        await store.CreateExecutionAsync(execution, cancellationToken).ConfigureAwait(false);
        _executions[execution.Id] = new CachedExecution(execution, []);
    }

    public async Task<Execution?> GetExecutionAsync(string id, CancellationToken cancellationToken)
    {
        if (_executions.TryGetValue(id, out var cached))
        {
            return cached.Execution;
        }

        return await store.GetExecutionAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateExecutionAsync(Execution execution, CancellationToken cancellationToken)
    {
        await store.UpdateExecutionAsync(execution, cancellationToken).ConfigureAwait(false);
        Remember(execution);
    }

    /// <summary>Engine commits that also reach this cache once they are stored.</summary>
    public IEngineCommits Through(IEngineCommits commits) => new WriteThroughEngineCommits(this, commits);

    public Task<IReadOnlyList<Execution>> ListExecutionsAsync(ExecutionQuery query, CancellationToken cancellationToken) =>
        store.ListExecutionsAsync(query, cancellationToken);

    public async Task SaveTaskRunAsync(TaskRun taskRun, CancellationToken cancellationToken)
    {
        await store.SaveTaskRunAsync(taskRun, cancellationToken).ConfigureAwait(false);
        Remember(taskRun);
    }

    public async Task SaveTaskRunsAsync(IReadOnlyList<TaskRun> taskRuns, CancellationToken cancellationToken)
    {
        await store.SaveTaskRunsAsync(taskRuns, cancellationToken).ConfigureAwait(false);
        foreach (var taskRun in taskRuns)
        {
            Remember(taskRun);
        }
    }

    public async Task<TaskRun?> GetTaskRunAsync(string id, CancellationToken cancellationToken)
    {
        if (_executionOfTaskRun.TryGetValue(id, out var executionId) && _executions.TryGetValue(executionId, out var cached) && cached.Find(id) is { } run)
        {
            return run;
        }

        return await store.GetTaskRunAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TaskRun>> GetTaskRunsAsync(string executionId, CancellationToken cancellationToken)
    {
        if (_executions.TryGetValue(executionId, out var cached))
        {
            return cached.Snapshot();
        }

        return await store.GetTaskRunsAsync(executionId, cancellationToken).ConfigureAwait(false);
    }

    internal void Remember(Execution execution)
    {
        if (execution.State.IsTerminal())
        {
            Evict(execution.Id);
        }
        else if (_executions.TryGetValue(execution.Id, out var cached))
        {
            cached.Execution = execution;
        }
    }

    internal void Remember(TaskRun taskRun)
    {
        if (_executions.TryGetValue(taskRun.ExecutionId, out var cached))
        {
            cached.Upsert(taskRun);
            _executionOfTaskRun[taskRun.Id] = taskRun.ExecutionId;
        }
    }

    private void Evict(string executionId)
    {
        if (_executions.TryRemove(executionId, out var cached))
        {
            foreach (var run in cached.Snapshot())
            {
                _executionOfTaskRun.TryRemove(run.Id, out _);
            }
        }
    }

    /// <summary>One execution and its task runs in first-saved order; a lock keeps snapshots consistent.</summary>
    private sealed class CachedExecution(Execution execution, List<TaskRun> taskRuns)
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private TaskRun[]? _snapshot;

        public Execution Execution { get; set; } = execution;

        public TaskRun? Find(string id)
        {
            lock (_gate)
            {
                return _index.TryGetValue(id, out var i) ? taskRuns[i] : null;
            }
        }

        public void Upsert(TaskRun taskRun)
        {
            lock (_gate)
            {
                if (_index.TryGetValue(taskRun.Id, out var i))
                {
                    taskRuns[i] = taskRun;
                }
                else
                {
                    _index[taskRun.Id] = taskRuns.Count;
                    taskRuns.Add(taskRun);
                }

                _snapshot = null;
            }
        }

        public IReadOnlyList<TaskRun> Snapshot()
        {
            lock (_gate)
            {
                return _snapshot ??= [.. taskRuns];
            }
        }
    }
}
