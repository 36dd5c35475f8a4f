using Harrier.Core.Engine.Recovery;
using Harrier.Server.Hosting;

namespace Harrier.Cli.Running;

/// <summary>
/// What <c>harrier run</c> tells on standard error when it starts on a data directory a dead Harrier process used: what
/// the start-up sweep stopped and removed, and which executions are left interrupted (run leaves them alone).
/// </summary>
internal static class StartNotices
{
    public static async Task WriteAsync(HarrierHost host, TextWriter error, string dataDirectory, CancellationToken cancellationToken)
    {
        await WriteSweepAsync(host.Sweep, error).ConfigureAwait(false);
        var interrupted = await host.Recovery.FindInterruptedAsync(cancellationToken).ConfigureAwait(false);
        if (interrupted.Count > 0)
        {
            var ids = string.Join(", ", interrupted.Take(5).Select(i => i.Execution.Id)) + (interrupted.Count > 5 ? ", …" : "");
            await error.WriteLineAsync(
                $"harrier: {interrupted.Count} interrupted execution(s) in {dataDirectory} (the process running them died): {ids}. " +
                $"Run 'harrier executions recover --data-dir {dataDirectory}' to finish them.").ConfigureAwait(false);
        }
    }

    public static async Task WriteSweepAsync(SweepReport sweep, TextWriter error)
    {
        if (sweep.KilledProcesses.Count > 0)
        {
            await error.WriteLineAsync($"harrier: stopped {sweep.KilledProcesses.Count} process(es) that tasks of a Harrier process that died left running: {string.Join(", ", sweep.KilledProcesses)}")
                .ConfigureAwait(false);
        }

        foreach (var reaped in sweep.Reaped)
        {
            await error.WriteLineAsync($"harrier: removed {reaped}, left by a Harrier process that died").ConfigureAwait(false);
        }

        foreach (var problem in sweep.Problems)
        {
            await error.WriteLineAsync($"harrier: warn: could not look for containers left by Harrier processes that died: {problem}").ConfigureAwait(false);
        }
    }
}
