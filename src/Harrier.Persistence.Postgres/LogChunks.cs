using System.Text;
using Harrier.Core.Executions;
using Harrier.Persistence.Logs;
using Npgsql;
using NpgsqlTypes;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// Log lines in chunks (one row per run of consecutive lines of one stream within an append), the payload encoded exactly
/// as on SQLite (<see cref="LogChunkEncoder"/>). An append's chunks go in one batch: one round trip however many chunks.
/// </summary>
internal static class LogChunks
{
    // The block of sequences, taken under the counter row's lock (held to the commit: blocks are handed out in commit order).
    private const string TakeSequences = "UPDATE log_sequence SET next = next + @count WHERE id = 1 RETURNING next - @count";

    private const string Insert =
        "INSERT INTO log_chunks (first_seq, line_count, execution_id, task_run_id, task_id, attempt, first_timestamp, payload) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

    public const string ChunkColumns = "first_seq, line_count, execution_id, task_run_id, task_id, attempt, first_timestamp, payload";

    // The chunk holding the line after the cursor (the newest that begins at or before it), then every later one.
    private const string Select =
        "SELECT " + ChunkColumns + " FROM log_chunks WHERE execution_id = @execution_id AND first_seq >= COALESCE(" +
        "(SELECT first_seq FROM log_chunks WHERE execution_id = @execution_id AND first_seq <= @after ORDER BY first_seq DESC LIMIT 1), 0) " +
        "ORDER BY first_seq";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Inserts the lines inside the caller's transaction and returns the sequence of the first one.</summary>
    public static async Task<long> InsertAsync(PgSession session, IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken)
    {
        var first = (long)(await session.Sql(TakeSequences).Bind("@count", (long)entries.Count).ScalarAsync(cancellationToken).ConfigureAwait(false))!;
        var batch = new NpgsqlBatch(session.Connection);
        await using (batch.ConfigureAwait(false))
        {
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
                        encoder.Add(entries[end].Level, entries[end].Timestamp.UtcTicks, entries[end].Message);
                    }

                    batch.BatchCommands.Add(Chunk(sequence, head, encoder));
                    sequence += encoder.LineCount;
                    start = end;
                }
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return first;
    }

    /// <summary>Up to <paramref name="limit"/> lines of the execution after <paramref name="afterSequence"/>, oldest first.</summary>
    public static Task<List<LogEntry>> ReadAsync(PgSession session, string executionId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        ReadLinesAsync(session.Sql(Select).Bind("@execution_id", executionId).Bind("@after", afterSequence), afterSequence, limit, cancellationToken);

    private static async Task<List<LogEntry>> ReadLinesAsync(PgStatement statement, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using (statement.Command.ConfigureAwait(false))
        {
            await using var reader = await statement.Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var entries = new List<LogEntry>(Math.Min(limit, 1024));
            while (entries.Count < limit && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var lineCount = reader.GetInt32(1);
                var lines = Decode(reader);
                foreach (var line in lines)
                {
                    if (line.Sequence > afterSequence && entries.Count < limit)
                    {
                        entries.Add(line);
                    }
                }

                if (lines.Count != lineCount)
                {
                    throw new InvalidDataException(
                        $"The stored log chunk starting at sequence {reader.GetInt64(0)} holds {lines.Count} lines, not the {lineCount} its row says.");
                }
            }

            return entries;
        }
    }

    /// <summary>Every line of the chunk the reader is on (columns as <see cref="ChunkColumns"/>).</summary>
    public static List<LogEntry> Decode(NpgsqlDataReader reader)
    {
        var firstSequence = reader.GetInt64(0);
        var executionId = reader.GetString(2);
        var taskRunId = reader.GetStringOrNull(3);
        var taskId = reader.GetStringOrNull(4);
        var attempt = reader.GetInt32OrNull(5);
        var first = reader.GetDate(6);
        var payload = reader.GetFieldValue<byte[]>(7);
        var decoder = new LogChunkDecoder(payload, firstSequence, first.UtcTicks);
        var entries = new List<LogEntry>(reader.GetInt32(1));
        while (decoder.TryRead(out var level, out var ticks, out var message))
        {
            entries.Add(new LogEntry
            {
                Sequence = firstSequence + decoder.LinesRead - 1,
                ExecutionId = executionId,
                TaskRunId = taskRunId,
                TaskId = taskId,
                Attempt = attempt,
                Level = level,
                Message = message.IsEmpty ? string.Empty : Utf8.GetString(message),
                Timestamp = new DateTimeOffset(ticks, TimeSpan.Zero),
            });
        }

        return entries;
    }

    private static bool SameStream(LogEntry head, LogEntry entry) =>
        ReferenceEquals(head, entry) ||
        (head.ExecutionId == entry.ExecutionId && head.TaskRunId == entry.TaskRunId && head.TaskId == entry.TaskId && head.Attempt == entry.Attempt);

    internal static NpgsqlBatchCommand Chunk(long firstSequence, LogEntry head, LogChunkEncoder encoder) =>
        Chunk(firstSequence, head, encoder.LineCount, encoder.Payload.ToArray());

    /// <summary>The insert of one chunk of <paramref name="lineCount"/> lines of <paramref name="head"/>'s stream, encoded in <paramref name="payload"/>.</summary>
    internal static NpgsqlBatchCommand Chunk(long firstSequence, LogEntry head, int lineCount, byte[] payload)
    {
        var command = new NpgsqlBatchCommand(Insert);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = firstSequence });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = lineCount });
        command.Parameters.Add(Text(head.ExecutionId));
        command.Parameters.Add(Text(head.TaskRunId));
        command.Parameters.Add(Text(head.TaskId));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = head.Attempt is { } attempt ? attempt : DBNull.Value });
        command.Parameters.Add(Text(StoredDates.ToText(head.Timestamp)));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = payload });
        return command;
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value is null ? DBNull.Value : value };
}
