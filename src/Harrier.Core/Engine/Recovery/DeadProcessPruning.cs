using Harrier.Core.Store;

namespace Harrier.Core.Engine.Recovery;

/// <summary>
/// Forgets registry rows of processes dead for longer than <see cref="Retention"/>: a process killed with SIGKILL (or a
/// lost machine) cannot unregister, and without this every crash or rolling restart would leave a row for ever in
/// <c>GET /workers</c> and in every liveness read. Recently dead ones stay listed (as not alive) so an operator can still
/// see who died. Safe at any time: an owner missing from the registry counts as dead, which it already is
/// (<see cref="OwnerLiveness"/>); a process of this machine is checked itself, so a live one is never forgotten, and one
/// elsewhere whose heartbeat is a day old has long lost every lease it held.
/// </summary>
public static class DeadProcessPruning
{
    /// <summary>How long a dead process stays listed after its last heartbeat.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>Unregisters every process not alive whose last heartbeat is older than <see cref="Retention"/>; returns how many.</summary>
    public static async Task<int> PruneAsync(IProcessRegistry registry, TimeProvider time, TimeSpan heartbeatTimeout, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pruned = 0;
        foreach (var process in await registry.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (now - process.HeartbeatAt > Retention && !process.IsAliveAt(now, heartbeatTimeout))
            {
                await registry.UnregisterAsync(process.Id, cancellationToken).ConfigureAwait(false);
                pruned++;
            }
        }

        return pruned;
    }
}
