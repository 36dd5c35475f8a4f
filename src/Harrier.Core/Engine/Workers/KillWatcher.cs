using Harrier.Core.Engine.Coordination;
using Harrier.Core.Store;

namespace Harrier.Core.Engine.Workers;

/// <summary>
/// Brings stored kill requests to the tasks this process runs: while attempts run, it asks the store every
/// <see cref="EngineOptions.KillPollInterval"/> which of their executions have a kill request and stops those attempts.
/// Kills asked in this process arrive at once through a nudge; this bounds the delay for kills stored by others.
/// </summary>
internal sealed class KillWatcher(IKillRequests kills, RunningAttempts running, TimeSpan interval, TimeProvider time)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var executions = running.ExecutionIds;
                if (executions.Count == 0)
                {
                    continue;
                }

                try
                {
                    foreach (var executionId in await kills.FindKillRequestedAsync(executions, cancellationToken).ConfigureAwait(false))
                    {
                        running.Kill(executionId);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    // The store did not answer this time; the next tick asks again.
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
