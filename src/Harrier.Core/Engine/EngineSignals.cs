using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Harrier.Core.Engine;

/// <summary>
/// In-process wake-ups between the executor, the workers and waiters (standalone mode). Signals carry no
/// data that is not already stored: a lost signal only delays work until the next poll.
/// </summary>
public sealed class EngineSignals : IDisposable
{
    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _finished = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _kills = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _jobs = new(0, int.MaxValue);

    public ChannelReader<string> ExecutionsChanged => _changed.Reader;

    /// <summary>Something happened to this execution: the executor plans it again.</summary>
    public void ExecutionChanged(string executionId) => _changed.Writer.TryWrite(executionId);

    /// <summary>New jobs are in the queue: wake idle worker slots.</summary>
    public void JobsAvailable(int count = 1)
    {
        // Bounded so a burst of enqueues does not pile up thousands of wake-ups.
        if (_jobs.CurrentCount < 64)
        {
            _jobs.Release(Math.Max(1, Math.Min(count, 64)));
        }
    }

    public Task<bool> WaitForJobsAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _jobs.WaitAsync(timeout, cancellationToken);

    public void ExecutionFinished(string executionId) =>
        _finished.GetOrAdd(executionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public Task WhenFinished(string executionId) =>
        _finished.GetOrAdd(executionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(string executionId)
    {
        _finished.TryRemove(executionId, out _);
        if (_kills.TryRemove(executionId, out var kill))
        {
            kill.Dispose();
        }
    }

    /// <summary>The token workers watch for this execution; cancelled by <see cref="Kill"/>.</summary>
    public CancellationToken KillToken(string executionId) =>
        _kills.GetOrAdd(executionId, _ => new CancellationTokenSource()).Token;

    public void Dispose()
    {
        _jobs.Dispose();
        foreach (var kill in _kills.Values)
        {
            kill.Dispose();
        }
    }

    /// <summary>Whether <see cref="Kill"/> was called for this execution (the executor then moves it to KILLING).</summary>
    public bool IsKilled(string executionId) => _kills.TryGetValue(executionId, out var kill) && kill.IsCancellationRequested;

    public void Kill(string executionId) => _kills.GetOrAdd(executionId, _ => new CancellationTokenSource()).Cancel();
}
