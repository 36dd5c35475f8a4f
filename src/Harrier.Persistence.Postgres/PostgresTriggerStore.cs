using Harrier.Core.Executions;
using Harrier.Core.Store;
using Harrier.Core.Store.Triggers;
using Harrier.Persistence.Json;
using Npgsql;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// The scheduler's state in PostgreSQL (contract: <see cref="ITriggerStore"/>). A write that fires stores the trigger's new
/// state (compare-and-set on its version: an UPDATE … WHERE version = @version, which a concurrent writer's commit makes
/// match no row), the executions it starts and their wake-ups in one transaction: two schedulers on one database cannot
/// both fire a slot, and a process killed mid-write leaves neither.
/// </summary>
public sealed class PostgresTriggerStore(PostgresDatabase database, TimeProvider time) : ITriggerStore
{
    private const string Columns =
        "namespace, flow_id, trigger_id, type, fingerprint, next_date, last_date, last_execution_id, disabled, backfill_json, last_error, version, updated_at";

    // A new row is refused (no row inserted) when another writer created it first.
    private const string Insert =
        "INSERT INTO triggers (" + Columns + ") VALUES (@ns, @flow, @trigger, @type, @fingerprint, @next, @last, @last_execution, @disabled, @backfill, @error, 1, @now) " +
        "ON CONFLICT DO NOTHING";

    private const string Update =
        "UPDATE triggers SET type = @type, fingerprint = @fingerprint, next_date = @next, last_date = @last, last_execution_id = @last_execution, " +
        "disabled = @disabled, backfill_json = @backfill, last_error = @error, version = version + 1, updated_at = @now " +
        "WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger AND version = @version";

    private const string KeyCondition = " WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger";

    public Task<IReadOnlyList<TriggerState>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<TriggerState>>(async session => await session
            .Sql("SELECT " + Columns + " FROM triggers ORDER BY namespace, flow_id, trigger_id").ReadAllAsync(ReadState, cancellationToken).ConfigureAwait(false),
            cancellationToken);

    public Task<TriggerState?> GetAsync(TriggerKey key, CancellationToken cancellationToken) =>
        database.ReadAsync(session => BindKey(session.Sql("SELECT " + Columns + " FROM triggers" + KeyCondition), key).ReadOneAsync(ReadState, cancellationToken),
            cancellationToken);

    public Task<IReadOnlyList<TriggerKey>> WriteAsync(IReadOnlyList<TriggerWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<TriggerKey>>([]);
        }

        return database.WriteAsync<IReadOnlyList<TriggerKey>>(async session =>
        {
            var refused = new List<TriggerKey>();
            var now = time.GetUtcNow();
            foreach (var item in writes)
            {
                // Each write stands alone: one refused does not hold back the others, but a write and its executions are
                // stored together or not at all (the savepoint also undoes an execution insert that failed).
                await session.Sql("SAVEPOINT trigger_write").ExecuteAsync(cancellationToken).ConfigureAwait(false);
                if (await ApplyAsync(session, item.State, item.ExpectedVersion, now, cancellationToken).ConfigureAwait(false))
                {
                    await InsertExecutionsAsync(session, item.Executions, now, cancellationToken).ConfigureAwait(false);
                    await session.Sql("RELEASE SAVEPOINT trigger_write").ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await session.Sql("ROLLBACK TO SAVEPOINT trigger_write").ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    await session.Sql("RELEASE SAVEPOINT trigger_write").ExecuteAsync(cancellationToken).ConfigureAwait(false);
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

        return database.WriteAsync(async session =>
        {
            var removed = 0;
            foreach (var key in keys)
            {
                removed += await BindKey(session.Sql("DELETE FROM triggers" + KeyCondition), key).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                await BindKey(session.Sql("DELETE FROM trigger_windows" + KeyCondition), key).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }

            return removed;
        }, cancellationToken);
    }

    public Task<long> FlowChangesAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(async session => (long)(await session.Sql("SELECT seq FROM flow_changes WHERE id = 1").ScalarAsync(cancellationToken).ConfigureAwait(false))!,
            cancellationToken);

    public Task<IReadOnlyList<TriggerFlowSource>> ListTriggerFlowsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<TriggerFlowSource>>(async session => await session
            .Sql("SELECT namespace, flow_id, revision, source FROM flows WHERE latest AND NOT deleted AND source LIKE '%triggers%' ORDER BY namespace, flow_id")
            .ReadAllAsync(r => new TriggerFlowSource(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3)), cancellationToken).ConfigureAwait(false),
            cancellationToken);

    public Task<IReadOnlyList<EndedExecution>> ReadEndedAsync(int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<EndedExecution>>(async session => await session
            .Sql("SELECT seq, execution_id, ended_at FROM execution_ends ORDER BY seq LIMIT @limit").Bind("@limit", limit)
            .ReadAllAsync(r => new EndedExecution(r.GetInt64(0), r.GetString(1), r.GetDate(2)), cancellationToken).ConfigureAwait(false), cancellationToken);

    public Task<IReadOnlyDictionary<string, WindowMember>> ReadWindowAsync(TriggerKey key, string windowId, CancellationToken cancellationToken) =>
        database.ReadAsync(async session => WindowJson.Read(await BindKey(session.Sql("SELECT met_json FROM trigger_windows" + KeyCondition + " AND window_id = @window"), key)
            .Bind("@window", windowId).ScalarAsync(cancellationToken).ConfigureAwait(false) as string), cancellationToken);

    public Task<bool> ConsumeEndedAsync(EndedConsumption consumption, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            // A second scheduler deleting the same row waits for this one's commit, then deletes nothing.
            if (await session.Sql("DELETE FROM execution_ends WHERE seq = @seq").Bind("@seq", consumption.Seq).ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }

            var now = time.GetUtcNow();
            foreach (var window in consumption.Windows)
            {
                await BindKey(session.Sql(
                        "INSERT INTO trigger_windows (namespace, flow_id, trigger_id, window_id, met_json) VALUES (@ns, @flow, @trigger, @window, @met) " +
                        "ON CONFLICT (namespace, flow_id, trigger_id, window_id) DO UPDATE SET met_json = excluded.met_json"), window.Key)
                    .Bind("@window", window.WindowId).Bind("@met", WindowJson.Write(window.Members)).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var item in consumption.Triggers)
            {
                if (!await ApplyAsync(session, item.State, item.ExpectedVersion, now, cancellationToken).ConfigureAwait(false))
                {
                    // Thrown inside the transaction: it rolls back, the outbox row included.
                    throw new ConcurrencyConflictException($"trigger {item.State.Key} was changed by another writer; read it again");
                }

                await InsertExecutionsAsync(session, item.Executions, now, cancellationToken).ConfigureAwait(false);
            }

            await InsertExecutionsAsync(session, consumption.Executions, now, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private static async Task<bool> ApplyAsync(PgSession session, TriggerState state, long? expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var statement = BindKey(session.Sql(expectedVersion is null ? Insert : Update), state.Key)
            .Bind("@type", state.Type)
            .Bind("@fingerprint", state.Fingerprint)
            .Bind("@next", state.NextDate)
            .Bind("@last", state.LastDate)
            .Bind("@last_execution", state.LastExecutionId)
            .Bind("@disabled", state.Disabled)
            .Bind("@backfill", BackfillJson.Write(state.Backfill))
            .Bind("@error", state.LastError)
            .Bind("@now", now);
        if (expectedVersion is { } version)
        {
            statement.Bind("@version", version);
        }

        return await statement.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task InsertExecutionsAsync(PgSession session, IReadOnlyList<Execution> executions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var execution in executions)
        {
            await ExecutionRows.InsertNewAsync(session, execution, now, cancellationToken).ConfigureAwait(false);
            await WakeupRows.WakeAsync(session, execution.Id, now, cancellationToken).ConfigureAwait(false);
        }
    }

    private static PgStatement BindKey(PgStatement statement, TriggerKey key) =>
        statement.Bind("@ns", key.Namespace).Bind("@flow", key.FlowId).Bind("@trigger", key.TriggerId);

    private static TriggerState ReadState(NpgsqlDataReader reader) =>
        new(new TriggerKey(reader.GetString(0), reader.GetString(1), reader.GetString(2)), reader.GetString(3), reader.GetString(4))
        {
            NextDate = reader.GetDateOrNull(5),
            LastDate = reader.GetDateOrNull(6),
            LastExecutionId = reader.GetStringOrNull(7),
            Disabled = reader.IsDBNull(8) ? null : reader.GetBoolean(8),
            Backfill = BackfillJson.Read(reader.GetStringOrNull(9)),
            LastError = reader.GetStringOrNull(10),
            Version = reader.GetInt64(11),
            UpdatedAt = reader.GetDate(12),
        };
}
