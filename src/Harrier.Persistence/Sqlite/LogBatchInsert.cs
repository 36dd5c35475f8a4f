using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// The log store's hot path on SQLite's C API (through SQLitePCLRaw, which Microsoft.Data.Sqlite itself runs on):
/// one statement prepared per batch, values bound by index, step, reset. A million lines is the normal output
/// of a chatty task; measured on a 2-core machine this is ~1.5× faster than SqliteCommand, which re-resolves
/// every parameter by name and builds a data reader on each execution. Still one parameterised statement.
/// </summary>
internal static class LogBatchInsert
{
    private const string Insert =
        "INSERT INTO logs (execution_id, task_run_id, task_id, attempt, level, message, timestamp) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

    /// <summary>Inserts the lines inside the caller's transaction and returns the sequence of the first one.</summary>
    /// <remarks>
    /// The sequences of a batch are consecutive: the caller holds the only write connection and the transaction,
    /// and an INTEGER PRIMARY KEY gives each insert max(seq) + 1. Checked rather than assumed.
    /// </remarks>
    public static long Run(SqliteConnection connection, IReadOnlyList<LogEntry> entries)
    {
        var db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, Insert, out var statement), db);
        using (statement)
        {
            var first = 0L;
            LogEntry? previous = null;
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                // Bindings survive sqlite3_reset: the columns a run of lines shares (same task run, same level)
                // are converted to UTF-8 and bound once, not once per line.
                if (previous is null || previous.ExecutionId != entry.ExecutionId)
                {
                    BindText(statement, 1, entry.ExecutionId, db);
                }

                if (previous is null || previous.TaskRunId != entry.TaskRunId || previous.TaskId != entry.TaskId || previous.Attempt != entry.Attempt)
                {
                    BindText(statement, 2, entry.TaskRunId, db);
                    BindText(statement, 3, entry.TaskId, db);
                    Check(entry.Attempt is { } attempt ? raw.sqlite3_bind_int(statement, 4, attempt) : raw.sqlite3_bind_null(statement, 4), db);
                }

                if (previous is null || previous.Level != entry.Level)
                {
                    BindText(statement, 5, entry.Level.ToName(), db);
                }

                previous = entry;
                BindText(statement, 6, entry.Message, db);
                BindText(statement, 7, SqliteDates.ToText(entry.Timestamp), db);
                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE)
                {
                    Check(step, db);
                }

                Check(raw.sqlite3_reset(statement), db);
                if (i == 0)
                {
                    first = raw.sqlite3_last_insert_rowid(db);
                }
            }

            var last = raw.sqlite3_last_insert_rowid(db);
            return last - first == entries.Count - 1
                ? first
                : throw new InvalidOperationException($"Log sequences {first}..{last} are not consecutive for a batch of {entries.Count} lines.");
        }
    }

    private static void BindText(sqlite3_stmt statement, int index, string? value, sqlite3 db) =>
        Check(value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, value), db);

    private static void Check(int resultCode, sqlite3 db) => SqliteException.ThrowExceptionForRC(resultCode, db);
}
