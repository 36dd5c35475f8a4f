namespace Harrier.Persistence.Postgres;

/// <summary>The writes of execution wake-ups, inside the caller's transaction (see SQLite's migration 0004).</summary>
internal static class WakeupRows
{
    // The owner is the execution's, read in the same transaction; an existing row keeps the sooner due time and counts one more.
    private const string Upsert =
        "INSERT INTO execution_wakeups (execution_id, owner, due_at, wake_count) " +
        "SELECT id, owner, @due_at, 1 FROM executions WHERE id = @id " +
        "ON CONFLICT (execution_id) DO UPDATE SET wake_count = execution_wakeups.wake_count + 1, " +
        "due_at = LEAST(execution_wakeups.due_at, excluded.due_at)";

    /// <summary>The execution's wake-up count (@id), for a planning read's snapshot.</summary>
    public const string SelectCount = "SELECT wake_count FROM execution_wakeups WHERE execution_id = @id";

    public static async Task WakeAsync(PgSession session, string executionId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        await session.Sql(Upsert).Bind("@id", executionId).Bind("@due_at", dueAt).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        session.Notify(Notifications.Wakeups);
    }
}
