using Harrier.Core.Executions;
using Harrier.Core.Executions.Replays;
using Harrier.Core.Executions.Restarts;
using Harrier.Core.Store;

namespace Harrier.Persistence.Sqlite;

/// <summary>Restarts in one SQLite transaction (contract: <see cref="IExecutionRestarts"/>).</summary>
public sealed class SqliteExecutionRestarts(SqliteDatabase database, TimeProvider time) : IExecutionRestarts
{
    // Only an execution still ended and unchanged since it was read: a second restart of the same read, or a write that
    // came in between, changes nothing.
    private const string Reopen =
        "UPDATE executions SET state = @state, end_date = NULL, error = NULL, kill_requested_at = NULL, kill_end_state = NULL, retry_at = NULL, progress_json = NULL, " +
        "outputs_json = '{}', owner = NULL WHERE id = @id AND change_seq = @expected AND state IN " + ExecutionRows.TerminalStates;

    // The wake-up and the jobs follow the execution into the pool (a restarted execution of a harrier run that has exited
    // is run by a server).
    private const string PoolWakeup = "UPDATE execution_wakeups SET owner = NULL, lease_owner = NULL, lease_expires_at = NULL WHERE execution_id = @id";

    public Task<bool> RestartAsync(ExecutionRestart restart, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            var execution = restart.Execution;
            if (write.Command(Reopen).Bind("@id", execution.Id).Bind("@expected", execution.ChangeSeq).Bind("@state", State.Restarted.ToName()).ExecuteNonQuery() != 1)
            {
                return false;
            }

            var seq = ChangeSequence.Take(write, execution.Id);
            foreach (var run in restart.TaskRuns)
            {
                TaskRunRows.Save(write, run, seq, withMetrics: false);
            }

            var now = time.GetUtcNow();
            foreach (var job in restart.Jobs)
            {
                JobRows.Enqueue(write, job, now, now);
            }

            write.Command(PoolWakeup).Bind("@id", execution.Id).ExecuteNonQuery();
            WakeupRows.Wake(write, execution.Id, now);
            return true;
        }, cancellationToken);

    // A copied ForEach keeps its values (read back without them, they live beside the run).
    private const string CopyValues = "INSERT OR IGNORE INTO foreach_values (task_run_id, idx, value) SELECT @id, idx, value FROM foreach_values WHERE task_run_id = @original";

    public Task<bool> ReplayAsync(ExecutionReplay replay, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            var execution = replay.Execution;
            if (write.Command("SELECT 1 FROM executions WHERE id = @id").Bind("@id", execution.Id).ExecuteScalar() is not null)
            {
                return false;
            }

            var now = time.GetUtcNow();
            ExecutionRows.InsertNew(write, execution, now);
            var seq = ChangeSequence.Take(write, execution.Id);
            foreach (var run in replay.TaskRuns)
            {
                TaskRunRows.Save(write, run, seq, withMetrics: true);
                write.Command(CopyValues).Bind("@id", run.Id).Bind("@original", replay.Originals[run.Id]).ExecuteNonQuery();
            }

            foreach (var job in replay.Jobs)
            {
                JobRows.Enqueue(write, job, now, now);
            }

            WakeupRows.Wake(write, execution.Id, now);
            return true;
        }, cancellationToken);
}
