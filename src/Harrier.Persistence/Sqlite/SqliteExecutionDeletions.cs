using Harrier.Core.Store;

namespace Harrier.Persistence.Sqlite;

/// <summary>Deletes ended executions and their rows in one transaction (contract: <see cref="IExecutionDeletions"/>).</summary>
public sealed class SqliteExecutionDeletions(SqliteDatabase database) : IExecutionDeletions
{
    private const string SelectState = "SELECT state IN " + ExecutionRows.TerminalStates + " FROM executions WHERE id = @id";

    // Task runs and metrics go with the execution (foreign keys ON DELETE CASCADE); ForEach values reference task runs
    // without a key, so they go first. Flow documents are shared by executions and stay.
    private static readonly string[] Deletes =
    [
        "DELETE FROM foreach_values WHERE task_run_id IN (SELECT id FROM task_runs WHERE execution_id = @id)",
        "DELETE FROM jobs WHERE execution_id = @id",
        "DELETE FROM execution_wakeups WHERE execution_id = @id",
        "DELETE FROM executions WHERE id = @id",
    ];

    public Task<ExecutionDeletion> DeleteAsync(string executionId, bool keepLogs, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            var ended = write.Command(SelectState).Bind("@id", executionId).ExecuteScalar();
            if (ended is null)
            {
                return ExecutionDeletion.NotFound;
            }

            if (Convert.ToInt64(ended, System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return ExecutionDeletion.NotFinished;
            }

            foreach (var delete in Deletes)
            {
                write.Command(delete).Bind("@id", executionId).ExecuteNonQuery();
            }

            if (!keepLogs)
            {
                SqliteLogPurges.KeepSequenceFloor(write);
                write.Command("DELETE FROM log_chunks WHERE execution_id = @id").Bind("@id", executionId).ExecuteNonQuery();
            }

            return ExecutionDeletion.Deleted;
        }, cancellationToken);
}
