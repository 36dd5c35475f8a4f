using Harrier.Core.Executions;
using Harrier.Core.Executions.Replays;
using Harrier.Core.Executions.Restarts;
using Harrier.Core.Store;

namespace Harrier.Persistence.Postgres;

/// <summary>Restarts in one PostgreSQL transaction (contract: <see cref="IExecutionRestarts"/>).</summary>
public sealed class PostgresExecutionRestarts(PostgresDatabase database, TimeProvider time) : IExecutionRestarts
{
    private const string Reopen =
        "UPDATE executions SET state = @state, end_date = NULL, error = NULL, kill_requested_at = NULL, kill_end_state = NULL, retry_at = NULL, progress_json = NULL, " +
        "outputs_json = '{}', owner = NULL WHERE id = @id AND change_seq = @expected AND state IN " + ExecutionRows.TerminalStates;

    private const string PoolWakeup = "UPDATE execution_wakeups SET owner = NULL, lease_owner = NULL, lease_expires_at = NULL WHERE execution_id = @id";

    public Task<bool> RestartAsync(ExecutionRestart restart, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var execution = restart.Execution;
            if (await session.Sql(Reopen).Bind("@id", execution.Id).Bind("@expected", execution.ChangeSeq).Bind("@state", State.Restarted.ToName())
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;
            }

            var seq = await ChangeSequence.TakeAsync(session, execution.Id, cancellationToken).ConfigureAwait(false);
            foreach (var run in restart.TaskRuns)
            {
                await TaskRunRows.SaveAsync(session, run, seq, cancellationToken, withMetrics: false).ConfigureAwait(false);
            }

            var now = time.GetUtcNow();
            foreach (var job in restart.Jobs)
            {
                await JobRows.EnqueueAsync(session, job, now, now, cancellationToken).ConfigureAwait(false);
            }

            await session.Sql(PoolWakeup).Bind("@id", execution.Id).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            await WakeupRows.WakeAsync(session, execution.Id, now, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    // A copied ForEach keeps its values (read back without them, they live beside the run).
    private const string CopyValues = "INSERT INTO foreach_values (task_run_id, idx, value) SELECT @id, idx, value FROM foreach_values WHERE task_run_id = @original ON CONFLICT DO NOTHING";

    public Task<bool> ReplayAsync(ExecutionReplay replay, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var execution = replay.Execution;
            if (await session.Sql("SELECT 1 FROM executions WHERE id = @id").Bind("@id", execution.Id).ScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                return false;
            }

            var now = time.GetUtcNow();
            await ExecutionRows.InsertNewAsync(session, execution, now, cancellationToken).ConfigureAwait(false);
            var seq = await ChangeSequence.TakeAsync(session, execution.Id, cancellationToken).ConfigureAwait(false);
            foreach (var run in replay.TaskRuns)
            {
                await TaskRunRows.SaveAsync(session, run, seq, cancellationToken, withMetrics: true).ConfigureAwait(false);
                await session.Sql(CopyValues).Bind("@id", run.Id).Bind("@original", replay.Originals[run.Id]).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var job in replay.Jobs)
            {
                await JobRows.EnqueueAsync(session, job, now, now, cancellationToken).ConfigureAwait(false);
            }

            await WakeupRows.WakeAsync(session, execution.Id, now, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
