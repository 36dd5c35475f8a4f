namespace Harrier.Persistence.Sqlite;

/// <summary>
/// The execution's change sequence (see migration 0004): every transaction that writes an execution's row or task runs
/// takes the next value first and stamps the task runs it writes with it. SQLite runs one write transaction at a time,
/// so values are handed out in commit order.
/// </summary>
internal static class ChangeSequence
{
    private const string Next = "UPDATE executions SET change_seq = change_seq + 1 WHERE id = @id RETURNING change_seq";

    /// <summary>The new value; throws when the execution does not exist.</summary>
    public static long Take(SqliteWrite write, string executionId) =>
        write.Command(Next).Bind("@id", executionId).ExecuteScalar() is long seq
            ? seq
            : throw new KeyNotFoundException($"Execution '{executionId}' does not exist; create it before writing its task runs.");
}
