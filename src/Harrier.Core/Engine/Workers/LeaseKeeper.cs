using System.Collections.Concurrent;
using Harrier.Core.Queue;

namespace Harrier.Core.Engine.Workers;

/// <summary>
/// Keeps the leases of a worker's running jobs: one timer for the whole worker renews every held lease each third
/// of the lease duration, so a long task keeps its job. A timer per job cost ~7% of a short task's CPU.
/// </summary>
/// <remarks>
/// A lease is first renewed at most a third of its duration after it is held (the claim gave it the full duration).
/// A failed renewal is retried at the next tick; if the lease expires meanwhile, at-least-once delivery may run the
/// job again elsewhere, which is the queue's documented contract.
/// </remarks>
public sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, JobLease> _held = new();
    private readonly PeriodicTimer _timer;
    private readonly Task _loop;

    public LeaseKeeper(IJobQueue queue, TimeSpan leaseDuration, TimeProvider time)
    {
        _timer = new PeriodicTimer(leaseDuration / 3, time);
        _loop = RenewAsync(queue, leaseDuration);
    }

    /// <summary>Renews <paramref name="lease"/> until the returned handle is disposed.</summary>
    public IDisposable Hold(JobLease lease)
    {
        _held[lease.JobId] = lease;
        return new Held(this, lease.JobId);
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing the timer ends the wait with false: no exception on the normal path.
        _timer.Dispose();
        await _loop.ConfigureAwait(false);
    }

    private async Task RenewAsync(IJobQueue queue, TimeSpan leaseDuration)
    {
        while (await _timer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            foreach (var lease in _held.Values)
            {
                try
                {
                    await queue.RenewAsync(lease, leaseDuration, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Retried at the next tick (see remarks).
                }
            }
        }
    }

    private sealed class Held(LeaseKeeper keeper, long jobId) : IDisposable
    {
        public void Dispose() => keeper._held.TryRemove(jobId, out _);
    }
}
