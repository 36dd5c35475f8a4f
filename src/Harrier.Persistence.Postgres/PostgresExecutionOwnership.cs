using Harrier.Core.Executions;
using Harrier.Core.Store;

namespace Harrier.Persistence.Postgres;

/// <summary>Owners of executions and their hand-over (contract: <see cref="IExecutionOwnership"/>).</summary>
public sealed class PostgresExecutionOwnership(PostgresDatabase database, TimeProvider time) : IExecutionOwnership
{
    private const string Unfinished =
        "SELECT id, namespace, flow_id, state, owner, created_at FROM executions WHERE state NOT IN " + ExecutionRows.TerminalStates +
        " UNION ALL SELECT id, namespace, flow_id, state, owner, created_at FROM executions WHERE retry_at IS NOT NULL ORDER BY created_at";

    private const string MoveExecution =
        "UPDATE executions SET owner = @new WHERE id = @id AND owner IS NOT DISTINCT FROM @expected AND (state NOT IN " + ExecutionRows.TerminalStates + " OR retry_at IS NOT NULL)";

    private const string MoveJobs = "UPDATE jobs SET owner = @new, lease_owner = NULL, lease_expires_at = NULL WHERE execution_id = @id";

    private const string MoveWakeup =
        "UPDATE execution_wakeups SET owner = @new, lease_owner = NULL, lease_expires_at = NULL WHERE execution_id = @id";

    public Task<IReadOnlyList<UnfinishedExecution>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<UnfinishedExecution>>(async session => await session.Sql(Unfinished)
            .ReadAllAsync(r => new UnfinishedExecution(r.GetString(0), r.GetString(1), r.GetString(2), States.Parse(r.GetString(3)),
                r.GetStringOrNull(4), r.GetDate(5)), cancellationToken).ConfigureAwait(false), cancellationToken);

    public Task<bool> AdoptAsync(string executionId, string? expectedOwner, string? newOwner, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            if (await session.Sql(MoveExecution).Bind("@id", executionId).Bind("@expected", expectedOwner).Bind("@new", newOwner)
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;
            }

            await session.Sql(MoveJobs).Bind("@id", executionId).Bind("@new", newOwner).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            await session.Sql(MoveWakeup).Bind("@id", executionId).Bind("@new", newOwner).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            await WakeupRows.WakeAsync(session, executionId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            session.Notify(Notifications.Jobs);
            return true;
        }, cancellationToken);
}
