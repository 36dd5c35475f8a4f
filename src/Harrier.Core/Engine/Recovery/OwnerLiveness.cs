using Harrier.Core.Engine.Coordination;
using Harrier.Core.Store;

namespace Harrier.Core.Engine.Recovery;

/// <summary>
/// Tells whether the process an execution (or a leftover) belongs to is gone. On this machine the process itself is
/// checked (pid and start time: instant and exact); for another machine, its heartbeat in the registry must be younger
/// than <paramref name="heartbeatTimeout"/>. The pool (owner null) is alive while any server process that runs its work
/// is: a standalone server, an executor or a worker (a worker holds leases on pool jobs; adopting the pool then would
/// free them under it).
/// </summary>
public sealed class OwnerLiveness(IReadOnlyList<ProcessRecord> registered, DateTimeOffset now, TimeSpan heartbeatTimeout)
{
    public static async Task<OwnerLiveness> ReadAsync(IProcessRegistry registry, TimeProvider time, TimeSpan heartbeatTimeout, CancellationToken cancellationToken) =>
        new(await registry.ListAsync(cancellationToken).ConfigureAwait(false), time.GetUtcNow(), heartbeatTimeout);

    public bool IsAlive(string? owner)
    {
        if (owner is null)
        {
            return registered.Any(p => p.Kind is "server" or "executor" or "worker" && IsAlive(p.Id));
        }

        var identity = ProcessIdentity.TryParse(owner);
        if (identity?.IsAlive() is { } alive)
        {
            return alive;
        }

        return registered.FirstOrDefault(p => p.Id == owner) is { } record && now - record.HeartbeatAt < heartbeatTimeout;
    }

    /// <summary>The registry's record of a process, for messages ("held by process 1234, harrier run, since …").</summary>
    public ProcessRecord? Describe(string? owner) => registered.FirstOrDefault(p => p.Id == owner);
}
