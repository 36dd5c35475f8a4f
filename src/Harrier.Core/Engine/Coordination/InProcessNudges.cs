namespace Harrier.Core.Engine.Coordination;

/// <summary>Nudges within one process (see <see cref="IEngineNudges"/> for what they do not promise).</summary>
public sealed class InProcessNudges : IEngineNudges, IDisposable
{
    // Bounded so a burst of enqueues does not pile up thousands of wake-ups.
    private const int MaxPending = 64;

    private readonly SemaphoreSlim _executions = new(0, int.MaxValue);
    private readonly SemaphoreSlim _jobs = new(0, int.MaxValue);

    public event Action<string>? Ended;

    public event Action<string>? Killed;

    public void ExecutionsChanged() => Release(_executions, 1);

    public async Task WaitForExecutionsAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _executions.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);

    public void JobsAvailable(int count = 1) => Release(_jobs, count);

    public async Task WaitForJobsAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _jobs.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);

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
