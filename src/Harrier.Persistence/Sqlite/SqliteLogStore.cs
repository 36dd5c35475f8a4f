using Harrier.Core.Executions;
using Harrier.Core.Store;
using Harrier.Persistence.Logs;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// Task log lines in SQLite, stored in chunks of consecutive lines (migration 0003) and read back line by line.
/// Sequences are global and only growing, so they also increase per execution, and a reader's "after sequence"
/// cursor can never miss or repeat a line, wherever it falls inside a chunk.
/// </summary>
public sealed class SqliteLogStore(SqliteDatabase database) : ILogStore
{
    public Task<IReadOnlyList<LogEntry>> AppendAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<LogEntry>>([]);
        }

        return database.WriteAsync<IReadOnlyList<LogEntry>>(
            write => new SequencedLogEntries(entries, LogChunkInsert.Run(write.Connection, entries)), cancellationToken);
    }

    public Task<IReadOnlyList<LogEntry>> ReadAsync(string executionId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.ReadAsync<IReadOnlyList<LogEntry>>(
            connection => LogChunkQuery.Read(connection, executionId, afterSequence, limit), cancellationToken);
    }

    public Task<long> CountAsync(string executionId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = SqliteCommands.Create(connection, null,
                "SELECT COALESCE(SUM(line_count), 0) FROM log_chunks WHERE execution_id = @execution_id");
            return (long)command.Bind("@execution_id", executionId).ExecuteScalar()!;
        }, cancellationToken);
}
