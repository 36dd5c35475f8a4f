using Harrier.Core.Store;

namespace Harrier.Persistence.Sqlite;

/// <summary>Registered Harrier processes with heartbeats (table <c>processes</c>, contract: <see cref="IProcessRegistry"/>).</summary>
public sealed class SqliteProcessRegistry(SqliteDatabase database, TimeProvider time) : IProcessRegistry
{
    private const string Upsert =
        "INSERT INTO processes (id, host, pid, kind, worker_group, started_at, heartbeat_at) VALUES (@id, @host, @pid, @kind, @group, @started_at, @now) " +
        "ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, kind = excluded.kind, worker_group = excluded.worker_group";

    public Task RegisterAsync(ProcessRecord process, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.Command(Upsert)
            .Bind("@id", process.Id).Bind("@host", process.Host).Bind("@pid", process.Pid).Bind("@kind", process.Kind).Bind("@group", process.WorkerGroup)
            .Bind("@started_at", SqliteDates.ToText(process.StartedAt)).Bind("@now", SqliteDates.ToText(time.GetUtcNow()))
            .ExecuteNonQuery(), cancellationToken);

    public Task HeartbeatAsync(string processId, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.Command("UPDATE processes SET heartbeat_at = @now WHERE id = @id")
            .Bind("@id", processId).Bind("@now", SqliteDates.ToText(time.GetUtcNow())).ExecuteNonQuery(), cancellationToken);

    public Task UnregisterAsync(string processId, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.Command("DELETE FROM processes WHERE id = @id").Bind("@id", processId).ExecuteNonQuery(), cancellationToken);

    public Task<IReadOnlyList<ProcessRecord>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ProcessRecord>>(connection =>
        {
            using var command = SqliteCommands.Create(connection, null, "SELECT id, host, pid, kind, started_at, heartbeat_at, worker_group FROM processes ORDER BY started_at");
            using var reader = command.ExecuteReader();
            var processes = new List<ProcessRecord>();
            while (reader.Read())
            {
                processes.Add(new ProcessRecord(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                    SqliteDates.Parse(reader.GetString(4)), SqliteDates.Parse(reader.GetString(5))) { WorkerGroup = reader.GetStringOrNull(6) });
            }

            return processes;
        }, cancellationToken);
}
