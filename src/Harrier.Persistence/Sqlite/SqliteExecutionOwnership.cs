using Harrier.Core.Executions;
using Harrier.Core.Store;

namespace Harrier.Persistence.Sqlite;

/// <summary>Owners of executions and their hand-over (contract: <see cref="IExecutionOwnership"/>).</summary>
public sealed class SqliteExecutionOwnership(SqliteDatabase database, TimeProvider time) : IExecutionOwnership
{
    /// <summary>Through the partial index executions_unfinished: every start of a Harrier process asks, and the table only grows.</summary>
    // A RETRIED execution waiting for its next attempt (retry_at set, migration 0013) counts as unfinished: its owner's
    // executors create that attempt, so a dead owner's must be recovered like a running one.
    private const string Unfinished =
        "SELECT id, namespace, flow_id, state, owner, created_at FROM executions INDEXED BY executions_unfinished WHERE state NOT IN " +
        ExecutionRows.TerminalStates + " UNION ALL " +
        "SELECT id, namespace, flow_id, state, owner, created_at FROM executions INDEXED BY executions_retry_pending WHERE retry_at IS NOT NULL " +
        "ORDER BY created_at";

    private const string MoveExecution =
        "UPDATE executions SET owner = @new WHERE id = @id AND owner IS @expected AND (state NOT IN " + ExecutionRows.TerminalStates + " OR retry_at IS NOT NULL)";

    private const string MoveJobs = "UPDATE jobs SET owner = @new, lease_owner = NULL, lease_expires_at = NULL WHERE execution_id = @id";

    private const string MoveWakeup =
        "UPDATE execution_wakeups SET owner = @new, lease_owner = NULL, lease_expires_at = NULL WHERE execution_id = @id";

    public Task<IReadOnlyList<UnfinishedExecution>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<UnfinishedExecution>>(connection =>
        {
            using var command = SqliteCommands.Create(connection, null, Unfinished);
            using var reader = command.ExecuteReader();
            var executions = new List<UnfinishedExecution>();
            while (reader.Read())
            {
                executions.Add(new UnfinishedExecution(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    States.Parse(reader.GetString(3)), reader.GetStringOrNull(4), SqliteDates.Parse(reader.GetString(5))));
            }

            return executions;
        }, cancellationToken);

    public Task<bool> AdoptAsync(string executionId, string? expectedOwner, string? newOwner, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            if (write.Command(MoveExecution).Bind("@id", executionId).Bind("@expected", expectedOwner).Bind("@new", newOwner).ExecuteNonQuery() != 1)
            {
                return false;
            }

            write.Command(MoveJobs).Bind("@id", executionId).Bind("@new", newOwner).ExecuteNonQuery();
            write.Command(MoveWakeup).Bind("@id", executionId).Bind("@new", newOwner).ExecuteNonQuery();
            // A wake-up for the new owner even if the old one had none (a crash can leave a RUNNING execution idle only if
            // an older Harrier wrote it; this costs one pass otherwise).
            WakeupRows.Wake(write, executionId, time.GetUtcNow());
            return true;
        }, cancellationToken);
}
