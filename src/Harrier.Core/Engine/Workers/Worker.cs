using Harrier.Core.Engine.Coordination;
using Harrier.Core.Queue;
using Harrier.Core.Store;
using Microsoft.Extensions.Logging;

namespace Harrier.Core.Engine.Workers;

/// <summary>
/// A worker: <see cref="EngineOptions.WorkerSlots"/> loops, each claiming one job at a time from the queue (of this
/// process's owner scope and group) under a lease and running it. Idle slots sleep until a nudge, the next delayed
/// job, or the poll interval. Once <c>claiming</c> is cancelled (a drain) slots claim nothing more and end after their
/// running attempt; on stop, running attempts are stopped and their jobs handed back at once.
/// </summary>
public sealed partial class Worker(EngineServices services, IEngineNudges nudges, LogWriter logs, FlowCache flows, RunningAttempts running)
{
    private readonly ILogger _logger = services.Loggers.CreateLogger<Worker>();

    public async Task RunAsync(CancellationToken claiming, CancellationToken cancellationToken)
    {
        var options = services.Options;
        var leases = new LeaseKeeper(services.Queue, options.LeaseDuration, services.Time, running.LeaseLost);
        await using (leases.ConfigureAwait(false))
        {
            var runner = new AttemptRunner(services, nudges, logs, flows, leases, running);
            var watcher = new KillWatcher(services.Kills, running, options.KillPollInterval, services.Time);
            var slots = Enumerable.Range(0, options.WorkerSlots)
                .Select(slot => Task.Run(() => SlotAsync(runner, slot, claiming, cancellationToken), CancellationToken.None))
                .Append(Task.Run(() => watcher.RunAsync(cancellationToken), CancellationToken.None));
            await Task.WhenAll(slots).ConfigureAwait(false);
        }
    }

    /// <remarks>
    /// A slot claims when nudged (this process enqueued a job) or when the queue says a job is due; otherwise it sleeps
    /// until the next job is due or the poll interval passes. So a step costs one read and one claim, not a look before
    /// every claim: the claim is a write, and a look that finds nothing is wasted when jobs come one at a time. While jobs
    /// are due, the commit of one claims the next: a slot draining a queue pays one write per job.
    /// </remarks>
    private async Task SlotAsync(AttemptRunner runner, int slot, CancellationToken claiming, CancellationToken cancellationToken)
    {
        var options = services.Options;
        // Waiting ends with a drain as well as a stop, and no claim starts after a drain; a claim under way completes (its
        // job then runs to its end like the others) and a running attempt ends only with a stop.
        using var claims = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, claiming);
        var idle = claims.Token;
        // Each slot owns its leases: a stalled slot's expired job taken by a sibling must not look like its own.
        var claim = new JobClaim($"{options.WorkerId}:{slot}", options.WorkerGroup, options.Owner, options.LeaseDuration);
        var nudged = true;
        while (!idle.IsCancellationRequested)
        {
            try
            {
                if (!nudged && await UntilDueAsync(claim, idle).ConfigureAwait(false) is { } wait)
                {
                    nudged = await nudges.WaitForJobsAsync(wait, idle).ConfigureAwait(false);
                    continue;
                }

                nudged = false;
                var claimed = await services.Commits.ClaimJobAsync(claim, runner.StartIfReady, cancellationToken).ConfigureAwait(false);
                while (claimed is not null)
                {
                    // Each end of a job claims the next in its own write, until the queue has nothing due or a drain began.
                    claimed = await runner.RunAsync(claimed, idle.IsCancellationRequested ? null : claim, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (ex is StoreFailedException failure)
                {
                    services.Health.Report(failure);
                }

                // A store failure around a claim: the job (if any) stays leased to this slot until it expires, then runs again.
                LogStoreFailure(_logger, ex.Message);
                try
                {
                    await Task.Delay(options.PollInterval, services.Time, idle).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (idle.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    /// <summary>How long to sleep before a job of this claim is due (at most the poll interval), or null when one is due now.</summary>
    private async Task<TimeSpan?> UntilDueAsync(JobClaim claim, CancellationToken cancellationToken)
    {
        var due = await services.Queue.NextDueAsync(claim, cancellationToken).ConfigureAwait(false);
        var poll = services.Options.PollInterval;
        if (due is not { } next)
        {
            return poll;
        }

        var untilDue = next - services.Time.GetUtcNow();
        return untilDue <= TimeSpan.Zero ? null : untilDue < poll ? untilDue : poll;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A worker slot could not reach the store, it retries: {Reason}")]
    private static partial void LogStoreFailure(ILogger logger, string reason);
}
