using Harrier.Core.Executions;
using Harrier.Core.Store;
using Harrier.Core.Store.Triggers;
using Harrier.Persistence.Json;
using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// The scheduler's state in SQLite (contract: <see cref="ITriggerStore"/>). A write that fires stores the trigger's new
/// state, the executions it starts and their wake-ups in one BEGIN IMMEDIATE transaction, after checking the version: two
/// schedulers on one file cannot both fire a slot, and a process killed mid-write leaves neither.
/// </summary>
public sealed class SqliteTriggerStore(SqliteDatabase database, TimeProvider time) : ITriggerStore
{
    private const string Columns =
        "namespace, flow_id, trigger_id, type, fingerprint, next_date, last_date, last_execution_id, disabled, backfill_json, last_error, version, updated_at";

    private const string Insert =
        "INSERT INTO triggers (" + Columns + ") VALUES (@ns, @flow, @trigger, @type, @fingerprint, @next, @last, @last_execution, @disabled, @backfill, @error, 1, @now)";

    private const string Update =
        "UPDATE triggers SET type = @type, fingerprint = @fingerprint, next_date = @next, last_date = @last, last_execution_id = @last_execution, " +
        "disabled = @disabled, backfill_json = @backfill, last_error = @error, version = version + 1, updated_at = @now " +
        "WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger AND version = @version";

    private const string KeyCondition = " WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger";

    public Task<IReadOnlyList<TriggerState>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync<IReadOnlyList<TriggerState>>(read =>
        {
            using var reader = read.Command("SELECT " + Columns + " FROM triggers ORDER BY namespace, flow_id, trigger_id").ExecuteReader();
            var states = new List<TriggerState>();
            while (reader.Read())
            {
                states.Add(ReadState(reader));
            }

            return states;
        }, cancellationToken);

    public Task<TriggerState?> GetAsync(TriggerKey key, CancellationToken cancellationToken) =>
        database.QueryAsync(read =>
        {
            using var reader = BindKey(read.Command("SELECT " + Columns + " FROM triggers" + KeyCondition), key).ExecuteReader();
            return reader.Read() ? ReadState(reader) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<TriggerKey>> WriteAsync(IReadOnlyList<TriggerWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<TriggerKey>>([]);
        }

        return database.WriteAsync<IReadOnlyList<TriggerKey>>(write =>
        {
            var refused = new List<TriggerKey>();
            var now = time.GetUtcNow();
            foreach (var item in writes)
            {
                // Each write stands alone: one refused (another scheduler came first) does not hold back the others, but a
                // write and its executions are stored together or not at all.
                write.Command("SAVEPOINT trigger_write").ExecuteNonQuery();
                if (Apply(write, item.State, item.ExpectedVersion, now))
                {
                    InsertExecutions(write, item.Executions, now);
                    write.Command("RELEASE trigger_write").ExecuteNonQuery();
                }
                else
                {
                    write.Command("ROLLBACK TO trigger_write").ExecuteNonQuery();
                    write.Command("RELEASE trigger_write").ExecuteNonQuery();
                    refused.Add(item.State.Key);
                }
            }

            return refused;
        }, cancellationToken);
    }

    public Task<int> DeleteAsync(IReadOnlyList<TriggerKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return Task.FromResult(0);
        }

        return database.WriteAsync(write =>
        {
            var removed = 0;
            foreach (var key in keys)
            {
                removed += BindKey(write.Command("DELETE FROM triggers" + KeyCondition), key).ExecuteNonQuery();
                BindKey(write.Command("DELETE FROM trigger_windows" + KeyCondition), key).ExecuteNonQuery();
            }

            return removed;
        }, cancellationToken);
    }

    public Task<long> FlowChangesAsync(CancellationToken cancellationToken) =>
        database.QueryAsync(read => (long)read.Command("SELECT seq FROM flow_changes WHERE id = 1").ExecuteScalar()!, cancellationToken);

    public Task<IReadOnlyList<TriggerFlowSource>> ListTriggerFlowsAsync(CancellationToken cancellationToken) =>
        database.QueryAsync<IReadOnlyList<TriggerFlowSource>>(read =>
        {
            // A cheap text filter first: only sources that mention triggers are worth loading.
            using var reader = read.Command(
                "SELECT namespace, flow_id, revision, source FROM flows WHERE latest = 1 AND deleted = 0 AND source LIKE '%triggers%' ORDER BY namespace, flow_id")
                .ExecuteReader();
            var flows = new List<TriggerFlowSource>();
            while (reader.Read())
            {
                flows.Add(new TriggerFlowSource(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3)));
            }

            return flows;
        }, cancellationToken);

    public Task<IReadOnlyList<EndedExecution>> ReadEndedAsync(int limit, CancellationToken cancellationToken) =>
        database.QueryAsync<IReadOnlyList<EndedExecution>>(read =>
        {
            using var reader = read.Command("SELECT seq, execution_id, ended_at FROM execution_ends ORDER BY seq LIMIT @limit")
                .Bind("@limit", limit).ExecuteReader();
            var ended = new List<EndedExecution>();
            while (reader.Read())
            {
                ended.Add(new EndedExecution(reader.GetInt64(0), reader.GetString(1), SqliteDates.Parse(reader.GetString(2))));
            }

            return ended;
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, WindowMember>> ReadWindowAsync(TriggerKey key, string windowId, CancellationToken cancellationToken) =>
        database.QueryAsync(read =>
        {
            var json = BindKey(read.Command("SELECT met_json FROM trigger_windows" + KeyCondition + " AND window_id = @window"), key)
                .Bind("@window", windowId).ExecuteScalar() as string;
            return WindowJson.Read(json);
        }, cancellationToken);

    public Task<bool> ConsumeEndedAsync(EndedConsumption consumption, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            if (write.Command("DELETE FROM execution_ends WHERE seq = @seq").Bind("@seq", consumption.Seq).ExecuteNonQuery() == 0)
            {
                return false;
            }

            var now = time.GetUtcNow();
            foreach (var window in consumption.Windows)
            {
                BindKey(write.Command(
                        "INSERT INTO trigger_windows (namespace, flow_id, trigger_id, window_id, met_json) VALUES (@ns, @flow, @trigger, @window, @met) " +
                        "ON CONFLICT (namespace, flow_id, trigger_id, window_id) DO UPDATE SET met_json = excluded.met_json"), window.Key)
                    .Bind("@window", window.WindowId).Bind("@met", WindowJson.Write(window.Members)).ExecuteNonQuery();
            }

            foreach (var item in consumption.Triggers)
            {
                if (!Apply(write, item.State, item.ExpectedVersion, now))
                {
                    // Thrown inside the transaction: SqliteDatabase rolls it back, the outbox row included.
                    throw new ConcurrencyConflictException($"trigger {item.State.Key} was changed by another writer; read it again");
                }

                InsertExecutions(write, item.Executions, now);
            }

            InsertExecutions(write, consumption.Executions, now);
            return true;
        }, cancellationToken);

    private static bool Apply(SqliteWrite write, TriggerState state, long? expectedVersion, DateTimeOffset now)
    {
        var command = write.Command(expectedVersion is null ? Insert : Update);
        BindKey(command, state.Key)
            .Bind("@type", state.Type)
            .Bind("@fingerprint", state.Fingerprint)
            .Bind("@next", SqliteDates.ToParameter(state.NextDate))
            .Bind("@last", SqliteDates.ToParameter(state.LastDate))
            .Bind("@last_execution", state.LastExecutionId)
            .Bind("@disabled", state.Disabled is { } disabled ? disabled ? 1 : 0 : null)
            .Bind("@backfill", BackfillJson.Write(state.Backfill))
            .Bind("@error", state.LastError)
            .Bind("@now", SqliteDates.ToText(now));
        if (expectedVersion is { } version)
        {
            command.Bind("@version", version);
            return command.ExecuteNonQuery() == 1;
        }

        // A new row: refused when another writer created it first.
        try
        {
            command.ExecuteNonQuery();
            return true;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            return false;
        }
    }

    private static void InsertExecutions(SqliteWrite write, IReadOnlyList<Execution> executions, DateTimeOffset now)
    {
        foreach (var execution in executions)
        {
            ExecutionRows.InsertNew(write, execution, now);
            WakeupRows.Wake(write, execution.Id, now);
        }
    }

    private static SqliteCommand BindKey(SqliteCommand command, TriggerKey key) =>
        command.Bind("@ns", key.Namespace).Bind("@flow", key.FlowId).Bind("@trigger", key.TriggerId);

    private static TriggerState ReadState(SqliteDataReader reader) =>
        new(new TriggerKey(reader.GetString(0), reader.GetString(1), reader.GetString(2)), reader.GetString(3), reader.GetString(4))
        {
            NextDate = SqliteDates.ParseOrNull(reader.GetStringOrNull(5)),
            LastDate = SqliteDates.ParseOrNull(reader.GetStringOrNull(6)),
            LastExecutionId = reader.GetStringOrNull(7),
            Disabled = reader.IsDBNull(8) ? null : reader.GetInt64(8) != 0,
            Backfill = BackfillJson.Read(reader.GetStringOrNull(9)),
            LastError = reader.GetStringOrNull(10),
            Version = reader.GetInt64(11),
            UpdatedAt = SqliteDates.Parse(reader.GetString(12)),
        };
}
