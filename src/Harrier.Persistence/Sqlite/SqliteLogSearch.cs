using System.Text;
using Harrier.Core.Executions;
using Harrier.Core.Store;
using Harrier.Core.Store.Search;
using Harrier.Persistence.Logs;
using Harrier.Persistence.Sqlite.Search;
using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// Log lines across executions (contract: <see cref="ILogSearch"/>). The fields that name a chunk's stream (execution,
/// task, namespace and flow through the execution) narrow the chunks in SQL; the others are tested on decoded lines.
/// The total is exact, so a search reads every line its chunk filters let through: narrow it by execution or flow.
/// </summary>
public sealed class SqliteLogSearch(SqliteDatabase database) : ILogSearch
{
    private static readonly Dictionary<string, FilterColumn> ChunkFields = new(StringComparer.Ordinal)
    {
        ["executionId"] = new(FilterColumnKind.Text, "c.execution_id"),
        ["taskId"] = new(FilterColumnKind.Text, "c.task_id"),
        ["taskRunId"] = new(FilterColumnKind.Text, "c.task_run_id"),
        ["namespace"] = new(FilterColumnKind.Text, "e.namespace"),
        ["flowId"] = new(FilterColumnKind.Text, "e.flow_id"),
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public Task<Page<LogEntry>> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        query.Validate();
        var descending = query.Sort.Count == 0 || query.Sort[0] switch
        {
            { Field: "timestamp" } order => order.Descending,
            var order => throw new SearchFieldException($"cannot sort logs on '{order.Field}'; sort on timestamp"),
        };
        var unknown = query.Filters.FirstOrDefault(f => !ChunkFields.ContainsKey(f.Field) && !LogLineFilter.Fields.Contains(f.Field));
        if (unknown is not null)
        {
            throw new SearchFieldException($"cannot filter logs on '{unknown.Field}'; fields: executionId, taskId, taskRunId, namespace, flowId, level, startDate, endDate, q");
        }

        var where = new SqliteWhere(ChunkFields).AddAll(query.Filters.Where(f => ChunkFields.ContainsKey(f.Field)));
        var lines = new LogLineFilter(query.Filters.Where(f => LogLineFilter.Fields.Contains(f.Field)));
        var join = query.Filters.Any(f => f.Field is "namespace" or "flowId") ? " JOIN executions e ON e.id = c.execution_id" : "";
        var sql = "SELECT c.first_seq, c.line_count, c.execution_id, c.task_run_id, c.task_id, c.attempt, c.first_timestamp, c.payload " +
            "FROM log_chunks c" + join + where.Sql + " ORDER BY c.first_seq" + (descending ? " DESC" : "");
        return database.ReadAsync(connection =>
        {
            using var command = SqliteCommands.Create(connection, null, sql);
            where.BindTo(command);
            using var reader = command.ExecuteReader();
            var results = new List<LogEntry>(query.Size);
            long total = 0;
            while (reader.Read())
            {
                var chunk = ReadChunk(reader);
                if (descending)
                {
                    chunk.Reverse();
                }

                foreach (var entry in chunk)
                {
                    if (!lines.Matches(entry))
                    {
                        continue;
                    }

                    if (total >= query.Offset && results.Count < query.Size)
                    {
                        results.Add(entry);
                    }

                    total++;
                }
            }

            return new Page<LogEntry>(results, total);
        }, cancellationToken);
    }

    /// <summary>Every line of the chunk the reader is on (columns first_seq, line_count, execution_id, task_run_id, task_id, attempt, first_timestamp, payload).</summary>
    internal static List<LogEntry> ReadChunk(SqliteDataReader reader)
    {
        var firstSequence = reader.GetInt64(0);
        var executionId = reader.GetString(2);
        var taskRunId = reader.GetStringOrNull(3);
        var taskId = reader.GetStringOrNull(4);
        var attempt = reader.GetInt32OrNull(5);
        var first = SqliteDates.Parse(reader.GetString(6));
        var payload = reader.GetFieldValue<byte[]>(7);
        var decoder = new LogChunkDecoder(payload, firstSequence, first.UtcTicks);
        var entries = new List<LogEntry>((int)reader.GetInt64(1));
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
                Message = Utf8.GetString(message),
                Timestamp = new DateTimeOffset(ticks, TimeSpan.Zero),
            });
        }

        return entries;
    }
}
