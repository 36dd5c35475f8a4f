using Harrier.Core.Queue;

namespace Harrier.Core.Engine.Workers;

/// <summary>Renews a job's lease every third of its duration while the task runs, so long tasks keep their job.</summary>
/// <remarks>
/// Stopping disposes the timer, which ends the wait with <c>false</c>: no exception on the normal path. Cancelling a
/// token instead threw and caught two exceptions per task, a tenth of the CPU of a short task.
/// </remarks>
internal sealed class LeaseRenewal : IAsyncDisposable
{
    private readonly PeriodicTimer _timer;
    private readonly Task _loop;

    public LeaseRenewal(EngineServices services, JobLease lease)
    {
        _timer = new PeriodicTimer(services.Options.LeaseDuration / 3, services.Time);
        _loop = RenewAsync(services, lease);
    }

    public async ValueTask DisposeAsync()
    {
        _timer.Dispose();
        await _loop.ConfigureAwait(false);
    }

    private async Task RenewAsync(EngineServices services, JobLease lease)
    {
        while (await _timer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            try
            {
                await services.Queue.RenewAsync(lease, services.Options.LeaseDuration, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A failed renewal is retried at the next tick; if the lease expires meanwhile, at-least-once delivery
                // may run the job again elsewhere, which is the queue's documented contract.
            }
        }
    }
}
