using System.Runtime.CompilerServices;
using Harrier.Core.Executions;
using Harrier.Persistence.Logs;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// The log store's hot path: cuts a batch into chunks (migration 0003) and inserts them through SQLite's C API
/// (SQLitePCLRaw, which Microsoft.Data.Sqlite itself runs on): one statement prepared per batch, values bound by
/// index, step, reset; still one parameterised statement. A flood of 8,192 lines of one task run is one row.
/// </summary>
internal static class LogChunkInsert
{
    // After the newest chunk, and never below the floor a purge left (migration 0012).
    private const string NextSequenceSql =
        "SELECT MAX(COALESCE((SELECT first_seq + line_count FROM log_chunks ORDER BY first_seq DESC LIMIT 1), 1), " +
        "COALESCE((SELECT next FROM log_sequence_floor WHERE id = 1), 1))";

    private const string InsertSql =
        "INSERT INTO log_chunks (first_seq, line_count, execution_id, task_run_id, task_id, attempt, first_timestamp, payload) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

    /// <summary>Inserts the lines inside the caller's write transaction and returns the sequence of the first one.</summary>
    /// <remarks>
    /// The batch takes the sequences right after the newest chunk's last line, read in this transaction. That is
    /// exact because the caller holds the write transaction (IMMEDIATE: no other connection, in this process or
    /// another, can insert until it commits). Should that ever not hold, the PRIMARY KEY refuses a duplicate
    /// first sequence and the batch fails rather than interleaving.
    /// </remarks>
    // Once per log line: optimised from the first call rather than after tiering (see LineSplitter in Harrier.Scripts).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Run(SqliteConnection connection, IReadOnlyList<LogEntry> entries)
    {
        var db = connection.Handle!;
        var first = NextSequence(db);
        Check(raw.sqlite3_prepare_v2(db, InsertSql, out var statement), db);
        using (statement)
        using (var encoder = new LogChunkEncoder())
        {
            var sequence = first;
            var start = 0;
            while (start < entries.Count)
            {
                var head = entries[start];
                encoder.Start(head.Timestamp.UtcTicks);
                var end = start;
                for (; end < entries.Count && SameStream(head, entries[end]) && encoder.HasRoomFor(entries[end].Message); end++)
                {
                    var entry = entries[end];
                    encoder.Add(entry.Level, entry.Timestamp.UtcTicks, entry.Message);
                }

                InsertChunk(statement, db, sequence, head, encoder);
                sequence += encoder.LineCount;
                start = end;
            }
        }

        return first;
    }

    /// <summary>Lines of one chunk share these columns; a batch interleaving task runs gets one chunk per run of lines.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SameStream(LogEntry head, LogEntry entry) =>
        ReferenceEquals(head, entry) ||
        (head.ExecutionId == entry.ExecutionId && head.TaskRunId == entry.TaskRunId && head.TaskId == entry.TaskId && head.Attempt == entry.Attempt);

    private static long NextSequence(sqlite3 db)
    {
        Check(raw.sqlite3_prepare_v2(db, NextSequenceSql, out var statement), db);
        using (statement)
        {
            var step = raw.sqlite3_step(statement);
            if (step == raw.SQLITE_ROW)
            {
                return raw.sqlite3_column_int64(statement, 0);
            }

            Check(step == raw.SQLITE_DONE ? raw.SQLITE_OK : step, db);
            return 1;
        }
    }

    private static void InsertChunk(sqlite3_stmt statement, sqlite3 db, long firstSequence, LogEntry head, LogChunkEncoder encoder)
    {
        Check(raw.sqlite3_bind_int64(statement, 1, firstSequence), db);
        Check(raw.sqlite3_bind_int(statement, 2, encoder.LineCount), db);
        BindText(statement, 3, head.ExecutionId, db);
        BindText(statement, 4, head.TaskRunId, db);
        BindText(statement, 5, head.TaskId, db);
        Check(head.Attempt is { } attempt ? raw.sqlite3_bind_int(statement, 6, attempt) : raw.sqlite3_bind_null(statement, 6), db);
        BindText(statement, 7, SqliteDates.ToText(head.Timestamp), db);
        Check(raw.sqlite3_bind_blob(statement, 8, encoder.Payload), db);
        var step = raw.sqlite3_step(statement);
        if (step != raw.SQLITE_DONE)
        {
            Check(step, db);
        }

        Check(raw.sqlite3_reset(statement), db);
    }

    private static void BindText(sqlite3_stmt statement, int index, string? value, sqlite3 db) =>
        Check(value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, value), db);

    private static void Check(int resultCode, sqlite3 db) => SqliteException.ThrowExceptionForRC(resultCode, db);
}
