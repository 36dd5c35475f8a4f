using Harrier.Core.Engine.Recovery;
using Harrier.Persistence;
using Microsoft.Extensions.Logging;

namespace Harrier.Server.Hosting;

/// <summary>
/// Crash recovery of a server: interrupted executions (their process is gone) are adopted into the server pool (owner
/// null), where this server's engine runs them to their end — finished task runs kept, interrupted attempts run again as
/// new attempts (at least once).
/// </summary>
/// <remarks>
/// Before the engine starts, with no server alive on the data directory, the pool itself counts as dead: adopting its
/// executions frees the leases a killed server's workers still held, so they run again at once instead of after the lease
/// expires. Once this server runs, only executions of other dead processes (<c>harrier run</c>) are adopted; each periodic
/// pass first sweeps what they left running (<see cref="HarrierHost.SweepLeftoversAsync"/>), and ends by forgetting the
/// registry rows of processes dead for a day (<see cref="DeadProcessPruning"/>).
/// </remarks>
public sealed partial class PoolRecovery(ILogger logger)
{
    /// <summary>Adopts every interrupted execution of <paramref name="store"/> into the pool; returns how many.</summary>
    public async Task<int> AdoptAsync(IStore store, TimeSpan heartbeatTimeout, CancellationToken cancellationToken)
    {
        var recovery = new ExecutionRecovery(store.Ownership, store.Processes, TimeProvider.System, heartbeatTimeout);
        var adopted = 0;
        foreach (var interrupted in await recovery.FindInterruptedAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await recovery.AdoptAsync(interrupted.Execution, newOwner: null, cancellationToken).ConfigureAwait(false))
            {
                adopted++;
                var former = interrupted.FormerOwner is { } owner ? $"pid {owner.Pid} ({owner.Kind})" : interrupted.Execution.Owner ?? "a server";
                LogAdopted(logger, interrupted.Execution.Id, interrupted.Execution.Namespace, interrupted.Execution.FlowId, former);
            }
        }

        return adopted;
    }

    /// <summary>Before the engine starts: opens the store on its own, adopts, closes it.</summary>
    public async Task<int> AdoptBeforeStartAsync(string dataDirectory, DatabaseSettings database, TimeSpan heartbeatTimeout, CancellationToken cancellationToken)
    {
        await using var store = await HarrierHost.OpenStoreAsync(dataDirectory, database, cancellationToken).ConfigureAwait(false);
        return await AdoptAsync(store, heartbeatTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every <paramref name="interval"/>: sweep, then adopt what dead processes left, then prune the registry, until cancelled.</summary>
    public Task RunAsync(HarrierHost host, TimeSpan interval, CancellationToken cancellationToken) =>
        PeriodicallyAsync(interval, async () =>
        {
            await host.SweepLeftoversAsync(cancellationToken).ConfigureAwait(false);
            await AdoptAsync(host.Store, host.Engine.Services.Options.LeaseDuration, cancellationToken).ConfigureAwait(false);
            await DeadProcessPruning.PruneAsync(host.Store.Processes, TimeProvider.System, host.Engine.Services.Options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// Every <paramref name="interval"/>: only the sweep, for a worker without an executor in its process. Sweeps see only
    /// their own machine, and a machine of workers may run no executor: without this, what a worker killed there left
    /// running (its tasks' processes, their containers) would run on until the next Harrier process starts on it.
    /// </summary>
    public Task RunSweepsAsync(HarrierHost host, TimeSpan interval, CancellationToken cancellationToken) =>
        PeriodicallyAsync(interval, () => host.SweepLeftoversAsync(cancellationToken), cancellationToken);

    private async Task PeriodicallyAsync(TimeSpan interval, Func<Task> pass, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await pass().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    LogPassFailed(logger, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovering execution {ExecutionId} ({Namespace}.{FlowId}): the process running it ({Former}) died")]
    private static partial void LogAdopted(ILogger logger, string executionId, string @namespace, string flowId, string former);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A recovery pass failed, the next one tries again: {Reason}")]
    private static partial void LogPassFailed(ILogger logger, string reason);
}
