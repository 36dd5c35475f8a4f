using System.Collections.Concurrent;
using Harrier.Core.Executions;
using Harrier.Core.Store;

namespace Harrier.Core.Engine.Coordination;

/// <summary>
/// <see cref="IExecutionEndWaiter"/> over the store: each waiter re-reads its execution when this process ends it (a
/// nudge) and at least every <paramref name="pollInterval"/> otherwise. Holds nothing once a wait returns or is cancelled.
/// </summary>
public sealed class StoreExecutionEndWaiter : IExecutionEndWaiter, IDisposable
{
    private readonly IExecutionStore _store;
    private readonly IEngineNudges _nudges;
    private readonly TimeSpan _pollInterval;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<SemaphoreSlim, byte>> _waiters = new(StringComparer.Ordinal);

    public StoreExecutionEndWaiter(IExecutionStore store, IEngineNudges nudges, TimeSpan pollInterval)
    {
        _store = store;
        _nudges = nudges;
        _pollInterval = pollInterval;
        _nudges.Ended += OnEnded;
    }

    /// <summary>Waits currently registered (tests check that finished waits leave nothing behind).</summary>
    public int PendingCount => _waiters.Values.Sum(set => set.Count);

    public async Task<Execution> WaitAsync(string executionId, CancellationToken cancellationToken)
    {
        using var signal = new SemaphoreSlim(0, 1);
        var set = _waiters.GetOrAdd(executionId, _ => new ConcurrentDictionary<SemaphoreSlim, byte>());
        set[signal] = 0;
        try
        {
            while (true)
            {
                var execution = await _store.GetExecutionAsync(executionId, cancellationToken).ConfigureAwait(false)
                    ?? throw new KeyNotFoundException($"There is no execution '{executionId}'.");
                if (execution.State.IsTerminal())
                {
                    return execution;
                }

                // Wall time on purpose: the poll is only the fallback for ends this process does not hear about.
                await signal.WaitAsync(_pollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            set.TryRemove(signal, out _);
            if (set.IsEmpty)
            {
                _waiters.TryRemove(new KeyValuePair<string, ConcurrentDictionary<SemaphoreSlim, byte>>(executionId, set));
            }
        }
    }

    public void Dispose() => _nudges.Ended -= OnEnded;

    private void OnEnded(string executionId)
    {
        if (_waiters.TryGetValue(executionId, out var set))
        {
            foreach (var signal in set.Keys)
            {
                try
                {
                    if (signal.CurrentCount == 0)
                    {
                        signal.Release();
                    }
                }
                catch (Exception ex) when (ex is ObjectDisposedException or SemaphoreFullException)
                {
                    // That wait has just returned.
                }
            }
        }
    }
}
