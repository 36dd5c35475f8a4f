namespace Harrier.Core.Store;

/// <summary>
/// The Harrier processes that use a store, with heartbeats: how a process on another machine tells that an owner is
/// gone, and how messages name who holds an execution. On one machine, liveness is checked on the process itself.
/// </summary>
public interface IProcessRegistry
{
    /// <summary>Records (or refreshes) a process; its heartbeat is now.</summary>
    Task RegisterAsync(ProcessRecord process, CancellationToken cancellationToken);

    Task HeartbeatAsync(string processId, CancellationToken cancellationToken);

    Task UnregisterAsync(string processId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProcessRecord>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One registered process. <see cref="Kind"/>: run, recover, resume, or a server's role: server (standalone, every role),
/// executor, worker, scheduler, webserver.
/// </summary>
public sealed record ProcessRecord(string Id, string Host, int Pid, string Kind, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt)
{
    /// <summary>The worker group of the process's worker (<c>server worker --group</c>); null: the default group, or no worker.</summary>
    public string? WorkerGroup { get; init; }

    /// <summary>
    /// Whether the process is alive: on this machine the process itself is checked (pid and start time: instant and
    /// exact); for another machine, its heartbeat must be younger than <paramref name="heartbeatTimeout"/>.
    /// </summary>
    public bool IsAliveAt(DateTimeOffset now, TimeSpan heartbeatTimeout) =>
        Engine.Coordination.ProcessIdentity.TryParse(Id)?.IsAlive() ?? now - HeartbeatAt < heartbeatTimeout;
}
