namespace Harrier.Persistence.Postgres;

/// <summary>
/// The execution's change sequence (see SQLite's migration 0004). Taking the next value updates the execution's row, whose
/// lock the transaction then holds until it commits: writers of one execution are serialised, so values are handed out
/// in commit order and a versioned task run update never races another writer of the same execution.
/// </summary>
internal static class ChangeSequence
{
    private const string Next = "UPDATE executions SET change_seq = change_seq + 1 WHERE id = @id RETURNING change_seq";

    /// <summary>The new value; throws when the execution does not exist.</summary>
    public static async Task<long> TakeAsync(PgSession session, string executionId, CancellationToken cancellationToken) =>
        await session.Sql(Next).Bind("@id", executionId).ScalarAsync(cancellationToken).ConfigureAwait(false) is long seq
            ? seq
            : throw new KeyNotFoundException($"Execution '{executionId}' does not exist; create it before writing its task runs.");
}
