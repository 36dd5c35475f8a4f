using Harrier.Core.Store;

namespace Harrier.Persistence.Postgres;

/// <summary>Deletes ended executions and their rows in one transaction (contract: <see cref="IExecutionDeletions"/>).</summary>
public sealed class PostgresExecutionDeletions(PostgresDatabase database) : IExecutionDeletions
{
    private const string SelectState = "SELECT state IN " + ExecutionRows.TerminalStates + " FROM executions WHERE id = @id FOR UPDATE";

    // Task runs and metrics go with the execution (ON DELETE CASCADE); ForEach values first, flow documents stay (shared).
    private static readonly string[] Deletes =
    [
        "DELETE FROM foreach_values WHERE task_run_id IN (SELECT id FROM task_runs WHERE execution_id = @id)",
        "DELETE FROM jobs WHERE execution_id = @id",
        "DELETE FROM execution_wakeups WHERE execution_id = @id",
        "DELETE FROM executions WHERE id = @id",
    ];

    public Task<ExecutionDeletion> DeleteAsync(string executionId, bool keepLogs, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var ended = await session.Sql(SelectState).Bind("@id", executionId).ScalarAsync(cancellationToken).ConfigureAwait(false);
            if (ended is null)
            {
                return ExecutionDeletion.NotFound;
            }

            if (ended is false)
            {
                return ExecutionDeletion.NotFinished;
            }

            foreach (var delete in Deletes)
            {
                await session.Sql(delete).Bind("@id", executionId).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!keepLogs)
            {
                await session.Sql("DELETE FROM log_chunks WHERE execution_id = @id").Bind("@id", executionId).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }

            return ExecutionDeletion.Deleted;
        }, cancellationToken);
}
