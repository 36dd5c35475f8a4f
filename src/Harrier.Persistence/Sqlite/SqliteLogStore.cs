using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Store;
using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// Task log lines in SQLite. The sequence is the table's rowid (migration 0002): global and only growing, so it
/// also increases per execution, and a reader's "after sequence" cursor can never miss or repeat a line.
/// </summary>
public sealed class SqliteLogStore(SqliteDatabase database) : ILogStore
{
    private const string Select =
        "SELECT seq, execution_id, task_run_id, task_id, attempt, level, message, timestamp FROM logs " +
        "WHERE execution_id = @execution_id AND seq > @after ORDER BY seq LIMIT @limit";

    public Task<IReadOnlyList<LogEntry>> AppendAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<LogEntry>>([]);
        }

        return database.WriteAsync<IReadOnlyList<LogEntry>>(write =>
        {
            var first = LogBatchInsert.Run(write.Connection, entries);
            var stored = new LogEntry[entries.Count];
            for (var i = 0; i < entries.Count; i++)
            {
                stored[i] = entries[i] with { Sequence = first + i };
            }

            return stored;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<LogEntry>> ReadAsync(string executionId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.ReadAsync<IReadOnlyList<LogEntry>>(connection =>
        {
            using var command = SqliteCommands.Create(connection, null, Select);
            using var reader = command.Bind("@execution_id", executionId).Bind("@after", afterSequence).Bind("@limit", limit).ExecuteReader();
            var entries = new List<LogEntry>();
            while (reader.Read())
            {
                if (!TaskLogLevels.TryParse(reader.GetString(5), out var level))
                {
                    throw new InvalidDataException($"Stored log level '{reader.GetString(5)}' is not TRACE, DEBUG, INFO, WARN or ERROR.");
                }

                entries.Add(new LogEntry
                {
                    Sequence = reader.GetInt64(0),
                    ExecutionId = reader.GetString(1),
                    TaskRunId = reader.GetStringOrNull(2),
                    TaskId = reader.GetStringOrNull(3),
                    Attempt = reader.GetInt32OrNull(4),
                    Level = level,
                    Message = reader.GetString(6),
                    Timestamp = SqliteDates.Parse(reader.GetString(7)),
                });
            }

            return entries;
        }, cancellationToken);
    }

    public Task<long> CountAsync(string executionId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = SqliteCommands.Create(connection, null, "SELECT COUNT(*) FROM logs WHERE execution_id = @execution_id");
            return (long)command.Bind("@execution_id", executionId).ExecuteScalar()!;
        }, cancellationToken);
}
