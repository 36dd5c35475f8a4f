using Harrier.Core.Executions;
using Harrier.Core.Store;
using Harrier.Core.Store.Search;
using Harrier.Persistence.Postgres.Search;
using Harrier.Persistence.Sqlite.Search;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// Log lines across executions (contract: <see cref="ILogSearch"/>), as on SQLite: the fields that name a chunk's stream
/// narrow the chunks in SQL; level, time and text are tested on decoded lines (<see cref="LogLineFilter"/>, shared).
/// </summary>
public sealed class PostgresLogSearch(PostgresDatabase database) : ILogSearch
{
    private static readonly Dictionary<string, FilterColumn> ChunkFields = new(StringComparer.Ordinal)
    {
        ["executionId"] = new(FilterColumnKind.Text, "c.execution_id"),
        ["taskId"] = new(FilterColumnKind.Text, "c.task_id"),
        ["taskRunId"] = new(FilterColumnKind.Text, "c.task_run_id"),
        ["namespace"] = new(FilterColumnKind.Text, "e.namespace"),
        ["flowId"] = new(FilterColumnKind.Text, "e.flow_id"),
    };

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

        var where = new PgWhere(ChunkFields).AddAll(query.Filters.Where(f => ChunkFields.ContainsKey(f.Field)));
        var lines = new LogLineFilter(query.Filters.Where(f => LogLineFilter.Fields.Contains(f.Field)));
        var join = query.Filters.Any(f => f.Field is "namespace" or "flowId") ? " JOIN executions e ON e.id = c.execution_id" : "";
        var sql = "SELECT c.first_seq, c.line_count, c.execution_id, c.task_run_id, c.task_id, c.attempt, c.first_timestamp, c.payload " +
            "FROM log_chunks c" + join + where.Sql + " ORDER BY c.first_seq" + (descending ? " DESC" : "");
        return database.ReadAsync(async session =>
        {
            var statement = where.BindTo(session.Sql(sql));
            await using (statement.Command.ConfigureAwait(false))
            {
                await using var reader = await statement.Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var results = new List<LogEntry>(query.Size);
                long total = 0;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var chunk = LogChunks.Decode(reader);
                    if (descending)
                    {
                        chunk.Reverse();
                    }

                    foreach (var entry in chunk.Where(lines.Matches))
                    {
                        if (total >= query.Offset && results.Count < query.Size)
                        {
                            results.Add(entry);
                        }

                        total++;
                    }
                }

                return new Page<LogEntry>(results, total);
            }
        }, cancellationToken);
    }
}
