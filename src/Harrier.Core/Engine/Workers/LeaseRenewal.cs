using Harrier.Core.Queue;

namespace Harrier.Core.Engine.Workers;

/// <summary>Renews a job's lease every third of its duration while the task runs, so long tasks keep their job.</summary>
internal sealed class LeaseRenewal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LeaseRenewal(EngineServices services, JobLease lease)
    {
        var period = services.Options.LeaseDuration / 3;
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(period, services.Time);
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                await services.Queue.RenewAsync(lease, services.Options.LeaseDuration, _stop.Token).ConfigureAwait(false);
            }
        });
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Cancellation of the loop is the normal end.
        }

        _stop.Dispose();
    }
}
