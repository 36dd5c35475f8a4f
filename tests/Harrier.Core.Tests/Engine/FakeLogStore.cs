using Harrier.Core.Executions;
using Harrier.Core.Store;

namespace Harrier.Core.Tests.Engine;

/// <summary>
/// A fake <see cref="ILogStore"/> (Core's tests have no database): records each append, numbers lines from 1,
/// and can hold the first append until released or fail it, to test the log writer against a slow or broken store.
/// </summary>
internal sealed class FakeLogStore : ILogStore
{
    private readonly Lock _gate = new();
    private readonly List<IReadOnlyList<LogEntry>> _appends = [];
    private readonly List<(int Lines, TaskCompletionSource Done)> _waiters = [];
    private long _next = 1;

    /// <summary>While not completed, the first append waits for it.</summary>
    public TaskCompletionSource HoldFirstAppend { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first append has started.</summary>
    public TaskCompletionSource FirstAppendStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool FailFirstAppend { get; init; }

    public bool HoldsFirstAppend { get; init; }

    public IReadOnlyList<IReadOnlyList<LogEntry>> Appends
    {
        get
        {
            lock (_gate)
            {
                return [.. _appends];
            }
        }
    }

    public IReadOnlyList<LogEntry> Lines => [.. Appends.SelectMany(a => a)];

    /// <summary>Completes once at least <paramref name="lines"/> lines are stored.</summary>
    public Task WhenStored(int lines)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((lines, done));
            Notify();
        }

        return done.Task;
    }

    public async Task<IReadOnlyList<LogEntry>> AppendAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken)
    {
        bool first;
        lock (_gate)
        {
            first = _appends.Count == 0 && !FirstAppendStarted.Task.IsCompleted;
        }

        if (first)
        {
            FirstAppendStarted.TrySetResult();
            if (HoldsFirstAppend)
            {
                await HoldFirstAppend.Task;
            }

            if (FailFirstAppend)
            {
                lock (_gate)
                {
                    _appends.Add([]);
                }

                throw new IOException("disk full (fake)");
            }
        }

        lock (_gate)
        {
            var stored = entries.Select(e => e with { Sequence = _next++ }).ToList();
            _appends.Add(stored);
            Notify();
            return stored;
        }
    }

    private void Notify()
    {
        var count = _appends.Sum(a => a.Count);
        foreach (var (lines, done) in _waiters.Where(w => w.Lines <= count))
        {
            done.TrySetResult();
        }

        _waiters.RemoveAll(w => w.Lines <= count);
    }

    public Task<IReadOnlyList<LogEntry>> ReadAsync(string executionId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<long> CountAsync(string executionId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
