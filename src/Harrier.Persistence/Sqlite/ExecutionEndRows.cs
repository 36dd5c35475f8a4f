using Harrier.Core.Triggers;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// The outbox of ended executions (<c>execution_ends</c>): a row is written in the very commit that makes an execution
/// terminal, so a Flow trigger or a <c>stopAfter</c> hears of every end exactly once, whichever process ended it and
/// whenever the scheduler runs. Only ends someone can act on are kept: those of executions whose trigger has a
/// <c>stopAfter</c>, and, while a Flow trigger is registered, every end (a CLI-only data directory, or a server with only
/// schedules, does not grow an outbox nobody reads).
/// </summary>
internal static class ExecutionEndRows
{
    private const string Insert = "INSERT INTO execution_ends (execution_id, ended_at) VALUES (@id, @at)";

    private const string InsertIfFlowTriggers =
        "INSERT INTO execution_ends (execution_id, ended_at) SELECT @id, @at WHERE EXISTS (SELECT 1 FROM triggers WHERE type = '" + TriggerTypes.Flow + "')";

    private const string StoredTerminal = "SELECT 1 FROM executions WHERE id = @id AND state IN " + ExecutionRows.TerminalStates;

    /// <summary>Whether the stored row is already terminal (a commit that re-saves an ended execution is no new end).</summary>
    public static bool IsStoredTerminal(SqliteWrite write, string executionId) =>
        write.Command(StoredTerminal).Bind("@id", executionId).ExecuteScalar() is not null;

    public static void Record(SqliteWrite write, Core.Executions.Execution ended, DateTimeOffset endedAt) =>
        write.Command(ended.Trigger is { StopAfter.Count: > 0 } ? Insert : InsertIfFlowTriggers)
            .Bind("@id", ended.Id).Bind("@at", SqliteDates.ToParameter(endedAt)).ExecuteNonQuery();
}
