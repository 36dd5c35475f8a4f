using System.Text;
using Harrier.Core.Executions;
using Harrier.Persistence.Logs;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// Reads an execution's log lines out of its chunks (migration 0003), on SQLite's C API so a payload is decoded
/// where SQLite holds it instead of being copied into an array first.
/// </summary>
internal static class LogChunkQuery
{
    // Starts at the chunk holding the line after the cursor: the newest chunk that begins at or before it (it may
    // run past the cursor), else the first one after it. Both are range seeks on log_chunks_execution_seq.
    private const string Select =
        "SELECT first_seq, line_count, task_run_id, task_id, attempt, first_timestamp, payload FROM log_chunks " +
        "WHERE execution_id = ?1 AND first_seq >= COALESCE(" +
        "(SELECT first_seq FROM log_chunks WHERE execution_id = ?1 AND first_seq <= ?2 ORDER BY first_seq DESC LIMIT 1), 0) " +
        "ORDER BY first_seq";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static List<LogEntry> Read(SqliteConnection connection, string executionId, long afterSequence, int limit)
    {
        var db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, Select, out var statement), db);
        using (statement)
        {
            Check(raw.sqlite3_bind_text(statement, 1, executionId), db);
            Check(raw.sqlite3_bind_int64(statement, 2, afterSequence), db);
            var entries = new List<LogEntry>(Math.Min(limit, 1024));
            int step;
            while (entries.Count < limit && (step = raw.sqlite3_step(statement)) != raw.SQLITE_DONE)
            {
                if (step != raw.SQLITE_ROW)
                {
                    Check(step, db);
                }

                ReadChunk(statement, executionId, afterSequence, limit, entries);
            }

            return entries;
        }
    }

    /// <summary>Adds the chunk's lines after <paramref name="afterSequence"/> until <paramref name="entries"/> holds <paramref name="limit"/>.</summary>
    private static void ReadChunk(sqlite3_stmt statement, string executionId, long afterSequence, int limit, List<LogEntry> entries)
    {
        var firstSequence = raw.sqlite3_column_int64(statement, 0);
        var lineCount = raw.sqlite3_column_int64(statement, 1);
        var taskRunId = TextOrNull(statement, 2);
        var taskId = TextOrNull(statement, 3);
        int? attempt = raw.sqlite3_column_type(statement, 4) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int(statement, 4);
        var firstTimestamp = SqliteDates.Parse(raw.sqlite3_column_text(statement, 5).utf8_to_string());
        var decoder = new LogChunkDecoder(raw.sqlite3_column_blob(statement, 6), firstSequence, firstTimestamp.UtcTicks);
        while (entries.Count < limit && decoder.TryRead(out var level, out var utcTicks, out var message))
        {
            var sequence = firstSequence + decoder.LinesRead - 1;
            if (sequence <= afterSequence)
            {
                continue;
            }

            entries.Add(new LogEntry
            {
                Sequence = sequence,
                ExecutionId = executionId,
                TaskRunId = taskRunId,
                TaskId = taskId,
                Attempt = attempt,
                Level = level,
                Message = message.IsEmpty ? string.Empty : Utf8.GetString(message),
                Timestamp = new DateTimeOffset(utcTicks, TimeSpan.Zero),
            });
        }

        if (entries.Count < limit && decoder.LinesRead != lineCount)
        {
            throw new InvalidDataException(
                $"The stored log chunk starting at sequence {firstSequence} holds {decoder.LinesRead} lines, not the {lineCount} its row says.");
        }
    }

    private static string? TextOrNull(sqlite3_stmt statement, int column) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(statement, column).utf8_to_string();

    private static void Check(int resultCode, sqlite3 db) => SqliteException.ThrowExceptionForRC(resultCode, db);
}
