using Harrier.Core.Executions;
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
}
