using Harrier.Core.Queue;

namespace Harrier.Core.Engine.Workers;

/// <summary>
/// A worker: <see cref="EngineOptions.WorkerSlots"/> loops, each claiming one job at a time from the queue
/// under a lease and running it. Idle slots sleep until a wake-up, the next delayed job, or the poll interval.
/// </summary>
public sealed class Worker(EngineServices services, EngineSignals signals, LogWriter logs, FlowCache flows)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var leases = new LeaseKeeper(services.Queue, services.Options.LeaseDuration, services.Time);
        await using (leases.ConfigureAwait(false))
        {
            var runner = new AttemptRunner(services, signals, logs, flows, leases);
            await Task.WhenAll(Enumerable.Range(0, services.Options.WorkerSlots)
                .Select(slot => Task.Run(() => SlotAsync(runner, slot, cancellationToken), CancellationToken.None))).ConfigureAwait(false);
        }
    }

    private async Task SlotAsync(AttemptRunner runner, int slot, CancellationToken cancellationToken)
    {
        var options = services.Options;
        // Each slot owns its leases: a stalled slot's expired job taken by a sibling must not look like its own.
        var workerId = $"{options.WorkerId}:{slot}";
        while (!cancellationToken.IsCancellationRequested)
        {
            JobLease? lease;
            try
            {
                lease = await services.Queue.TryClaimAsync(workerId, options.WorkerGroup, options.LeaseDuration, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (lease is null)
            {
                await IdleAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            await runner.RunAsync(lease, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task IdleAsync(CancellationToken cancellationToken)
    {
        var wait = services.Options.PollInterval;
        var due = await services.Queue.NextDueAsync(services.Options.WorkerGroup, cancellationToken).ConfigureAwait(false);
        if (due is { } next)
        {
            var untilDue = next - services.Time.GetUtcNow();
            wait = untilDue < wait ? (untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue) : wait;
        }

        try
        {
            await signals.WaitForJobsAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
