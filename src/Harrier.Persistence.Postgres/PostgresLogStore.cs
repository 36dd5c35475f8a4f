using Harrier.Core.Executions;
using Harrier.Core.Store;
using Harrier.Persistence.Logs;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// Task log lines in PostgreSQL, in chunks as on SQLite. Sequences are global, handed out in commit order (see the
/// <c>log_sequence</c> table), so they increase per execution and an "after sequence" cursor never misses or repeats a line.
/// </summary>
public sealed class PostgresLogStore(PostgresDatabase database) : ILogStore
{
    public Task<IReadOnlyList<LogEntry>> AppendAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<LogEntry>>([]);
        }

        return database.WriteAsync<IReadOnlyList<LogEntry>>(
            async session => new SequencedLogEntries(entries, await LogChunks.InsertAsync(session, entries, cancellationToken).ConfigureAwait(false)),
            cancellationToken);
    }

    public Task<IReadOnlyList<LogEntry>> ReadAsync(string executionId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.ReadAsync<IReadOnlyList<LogEntry>>(
            async session => await LogChunks.ReadAsync(session, executionId, afterSequence, limit, cancellationToken).ConfigureAwait(false), cancellationToken);
    }

    public Task<long> CountAsync(string executionId, CancellationToken cancellationToken) =>
        database.ReadAsync(async session => Convert.ToInt64(
            await session.Sql("SELECT COALESCE(SUM(line_count), 0) FROM log_chunks WHERE execution_id = @execution_id").Bind("@execution_id", executionId)
                .ScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
}
