using Harrier.Core.Executions;
using Harrier.Server.Hosting;

namespace Harrier.Cli.Running;

/// <summary>
/// <c>harrier run</c> returns only once every execution it started has ended: the children its Subflows started are
/// owned by this process, <c>wait: false</c> ones included, so it waits for every unfinished execution it owns
/// (grandchildren too) that is not waiting for a resume.
/// </summary>
internal static class ChildExecutions
{
    public static async Task WaitAsync(HarrierHost host, string owner)
    {
        while (true)
        {
            var mine = (await host.Store.Ownership.ListUnfinishedAsync(CancellationToken.None).ConfigureAwait(false))
                // A RETRIED one waiting for its next attempt is followed by RetryChain, not waited for here.
                .Where(e => e.Owner == owner && e.State is not (State.Paused or State.Retried))
                .ToList();
            if (mine.Count == 0)
            {
                return;
            }

            await Task.WhenAll(mine.Select(e => host.Engine.WaitAsync(e.Id, CancellationToken.None))).ConfigureAwait(false);
        }
    }
}
