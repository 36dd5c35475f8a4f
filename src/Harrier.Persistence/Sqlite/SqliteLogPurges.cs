using Harrier.Core.Executions;
using Harrier.Core.Store;
using Harrier.Persistence.Logs;
using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// PurgeLogs on SQLite (contract: <see cref="ILogPurges"/>): one write transaction reads the chunks of the selected
/// executions, deletes those whose every line matches and rewrites the others (<see cref="LogChunkPurge"/>). The writer
/// lock is held throughout, so no append interleaves with it; the sequence floor (migration 0012) keeps appends after it
/// from reusing the sequences of deleted lines.
/// </summary>
public sealed class SqliteLogPurges(SqliteDatabase database) : ILogPurges
{
    private const string Columns = "c.first_seq, c.line_count, c.execution_id, c.task_run_id, c.task_id, c.attempt, c.first_timestamp, c.payload";

    private const string DeleteChunk = "DELETE FROM log_chunks WHERE first_seq = @first_seq";

    private const string InsertChunk =
        "INSERT INTO log_chunks (first_seq, line_count, execution_id, task_run_id, task_id, attempt, first_timestamp, payload) " +
        "VALUES (@first_seq, @line_count, @execution_id, @task_run_id, @task_id, @attempt, @first_timestamp, @payload)";

    public Task<long> PurgeAsync(LogPurge purge, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            var chunks = ReadCandidates(write, purge);
            long deleted = 0;
            var floorKept = false;
            foreach (var lines in chunks)
            {
                var (count, runs) = LogChunkPurge.Decide(lines, purge);
                if (count == 0)
                {
                    continue;
                }

                if (!floorKept)
                {
                    KeepSequenceFloor(write);
                    floorKept = true;
                }

                deleted += count;
                write.Command(DeleteChunk).Bind("@first_seq", lines[0].Sequence).ExecuteNonQuery();
                foreach (var run in runs)
                {
                    Insert(write, run);
                }
            }

            return deleted;
        }, cancellationToken);

    /// <summary>Records where the next append starts before anything is deleted (see migration 0012).</summary>
    internal static void KeepSequenceFloor(SqliteWrite write) =>
        write.Command(
            "INSERT INTO log_sequence_floor (id, next) SELECT 1, first_seq + line_count FROM (SELECT first_seq, line_count FROM log_chunks ORDER BY first_seq DESC LIMIT 1) " +
            "WHERE true ON CONFLICT (id) DO UPDATE SET next = MAX(next, excluded.next)").ExecuteNonQuery();

    private static List<List<LogEntry>> ReadCandidates(SqliteWrite write, LogPurge purge)
    {
        var sql = "SELECT " + Columns + " FROM log_chunks c";
        var conditions = LogChunkPurge.Conditions(purge);

        if (conditions.Count > 0)
        {
            sql += " WHERE " + string.Join(" AND ", conditions);
        }

        var command = write.Command(sql + " ORDER BY c.first_seq")
            .Bind("@execution_id", purge.ExecutionId)
            .Bind("@namespace", purge.Namespace)
            .Bind("@flow_id", purge.FlowId);
        using var reader = command.ExecuteReader();
        var chunks = new List<List<LogEntry>>();
        while (reader.Read())
        {
            chunks.Add(SqliteLogSearch.ReadChunk(reader));
        }

        return chunks;
    }

    private static void Insert(SqliteWrite write, IReadOnlyList<LogEntry> run)
    {
        var head = run[0];
        write.Command(InsertChunk)
            .Bind("@first_seq", head.Sequence)
            .Bind("@line_count", run.Count)
            .Bind("@execution_id", head.ExecutionId)
            .Bind("@task_run_id", head.TaskRunId)
            .Bind("@task_id", head.TaskId)
            .Bind("@attempt", head.Attempt)
            .Bind("@first_timestamp", SqliteDates.ToText(head.Timestamp))
            .Bind("@payload", LogChunkPurge.Encode(run))
            .ExecuteNonQuery();
    }
}
