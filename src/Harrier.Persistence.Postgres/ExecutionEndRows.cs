using Harrier.Core.Triggers;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// The outbox of ended executions (<c>execution_ends</c>), written in the commit that ends an execution, with the same
/// rule as SQLite's (only ends someone can act on are kept); the commit also notifies waiters of other processes.
/// </summary>
internal static class ExecutionEndRows
{
    private const string Insert = "INSERT INTO execution_ends (execution_id, ended_at) VALUES (@id, @at)";

    private const string InsertIfFlowTriggers =
        "INSERT INTO execution_ends (execution_id, ended_at) SELECT @id, @at WHERE EXISTS (SELECT 1 FROM triggers WHERE type = '" + TriggerTypes.Flow + "')";

    private const string StoredTerminal = "SELECT 1 FROM executions WHERE id = @id AND state IN " + ExecutionRows.TerminalStates;

    public static async Task<bool> IsStoredTerminalAsync(PgSession session, string executionId, CancellationToken cancellationToken) =>
        await session.Sql(StoredTerminal).Bind("@id", executionId).ScalarAsync(cancellationToken).ConfigureAwait(false) is not null;

    public static async Task RecordAsync(PgSession session, Core.Executions.Execution ended, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        await session.Sql(ended.Trigger is { StopAfter.Count: > 0 } ? Insert : InsertIfFlowTriggers)
            .Bind("@id", ended.Id).Bind("@at", endedAt).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        session.Notify(Notifications.Ends, ended.Id);
    }
}
