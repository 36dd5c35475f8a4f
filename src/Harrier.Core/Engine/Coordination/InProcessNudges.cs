namespace Harrier.Core.Engine.Coordination;

/// <summary>Nudges within one process (see <see cref="IEngineNudges"/> for what they do not promise).</summary>
public sealed class InProcessNudges : IEngineNudges, IDisposable
{
    // Bounded so a burst of enqueues does not pile up thousands of wake-ups.
    private const int MaxPending = 64;

    private readonly SemaphoreSlim _executions = new(0, int.MaxValue);
    private readonly SemaphoreSlim _jobs = new(0, int.MaxValue);
    private readonly System.Collections.Concurrent.ConcurrentQueue<Queue.PlanningLease> _handOffs = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Queue.PlanningLease, byte> _delayed = new();

    public event Action<string>? Ended;

    public event Action<string>? Killed;

    public void ExecutionsChanged() => Release(_executions, 1);

    public Task<bool> WaitForExecutionsAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _executions.WaitAsync(timeout, cancellationToken);

    public void HandOff(Queue.PlanningLease lease, TimeSpan delay = default)
    {
        if (delay <= TimeSpan.Zero)
        {
            Ready(lease);
            return;
        }

        // Whoever removes the lease from the delayed set owns it: the timer making it ready, or TakeAllHandOffs.
        _delayed[lease] = 0;
        _ = Task.Delay(delay).ContinueWith(
            _ =>
            {
                if (_delayed.TryRemove(lease, out var _))
                {
                    Ready(lease);
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public bool TryTakeHandOff([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Queue.PlanningLease? lease) => _handOffs.TryDequeue(out lease);

    public IReadOnlyList<Queue.PlanningLease> TakeAllHandOffs()
    {
        var all = new List<Queue.PlanningLease>();
        while (_handOffs.TryDequeue(out var lease))
        {
            all.Add(lease);
        }

        foreach (var lease in _delayed.Keys)
        {
            if (_delayed.TryRemove(lease, out var _))
            {
                all.Add(lease);
            }
        }

        return all;
    }

    private void Ready(Queue.PlanningLease lease)
    {
        _handOffs.Enqueue(lease);
        Release(_executions, 1);
    }

    public void JobsAvailable(int count = 1) => Release(_jobs, count);

    public Task<bool> WaitForJobsAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _jobs.WaitAsync(timeout, cancellationToken);

    public void ExecutionEnded(string executionId) => Ended?.Invoke(executionId);

    public void KillRequested(string executionId) => Killed?.Invoke(executionId);

    public void Dispose()
    {
        _executions.Dispose();
        _jobs.Dispose();
    }

    private static void Release(SemaphoreSlim semaphore, int count)
    {
        if (semaphore.CurrentCount < MaxPending)
        {
            semaphore.Release(Math.Max(1, Math.Min(count, MaxPending)));
        }
    }
}
