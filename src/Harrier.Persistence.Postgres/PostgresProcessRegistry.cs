using Harrier.Core.Store;

namespace Harrier.Persistence.Postgres;

/// <summary>Registered Harrier processes with heartbeats (table <c>processes</c>, contract: <see cref="IProcessRegistry"/>).</summary>
public sealed class PostgresProcessRegistry(PostgresDatabase database, TimeProvider time) : IProcessRegistry
{
    private const string Upsert =
        "INSERT INTO processes (id, host, pid, kind, worker_group, started_at, heartbeat_at) VALUES (@id, @host, @pid, @kind, @group, @started_at, @now) " +
        "ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, kind = excluded.kind, worker_group = excluded.worker_group";

    public Task RegisterAsync(ProcessRecord process, CancellationToken cancellationToken) =>
        database.WriteAsync(session => session.Sql(Upsert)
            .Bind("@id", process.Id).Bind("@host", process.Host).Bind("@pid", process.Pid).Bind("@kind", process.Kind).Bind("@group", process.WorkerGroup)
            .Bind("@started_at", process.StartedAt).Bind("@now", time.GetUtcNow())
            .ExecuteAsync(cancellationToken), cancellationToken);

    public Task HeartbeatAsync(string processId, CancellationToken cancellationToken) =>
        database.WriteAsync(session => session.Sql("UPDATE processes SET heartbeat_at = @now WHERE id = @id")
            .Bind("@id", processId).Bind("@now", time.GetUtcNow()).ExecuteAsync(cancellationToken), cancellationToken);

    public Task UnregisterAsync(string processId, CancellationToken cancellationToken) =>
        database.WriteAsync(session => session.Sql("DELETE FROM processes WHERE id = @id").Bind("@id", processId).ExecuteAsync(cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ProcessRecord>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ProcessRecord>>(async session => await session
            .Sql("SELECT id, host, pid, kind, started_at, heartbeat_at, worker_group FROM processes ORDER BY started_at")
            .ReadAllAsync(r => new ProcessRecord(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetDate(4), r.GetDate(5)) { WorkerGroup = r.GetStringOrNull(6) }, cancellationToken)
            .ConfigureAwait(false), cancellationToken);
}
