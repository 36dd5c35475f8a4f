namespace Harrier.Persistence.Sqlite;

/// <summary>The writes of execution wake-ups, inside the caller's transaction (see migration 0004).</summary>
internal static class WakeupRows
{
    // The owner is the execution's, read in the same transaction; an existing row keeps the sooner due time and counts one more.
    private const string Upsert =
        "INSERT INTO execution_wakeups (execution_id, owner, due_at, wake_count) " +
        "SELECT id, owner, @due_at, 1 FROM executions WHERE id = @id " +
        "ON CONFLICT (execution_id) DO UPDATE SET wake_count = wake_count + 1, " +
        "due_at = MIN(due_at, excluded.due_at)";

    /// <summary>The execution's wake-up count (@id), for a planning read's snapshot.</summary>
    public const string SelectCount = "SELECT wake_count FROM execution_wakeups WHERE execution_id = @id";

    public static void Wake(SqliteWrite write, string executionId, DateTimeOffset dueAt) =>
        write.Command(Upsert).Bind("@id", executionId).Bind("@due_at", SqliteDates.ToText(dueAt)).ExecuteNonQuery();
}
