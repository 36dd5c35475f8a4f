using System.Globalization;
using Harrier.Core.Executions;
using Harrier.Core.Store;
using Harrier.Core.Store.Search;
using Harrier.Persistence.Sqlite.Search;

namespace Harrier.Persistence.Sqlite;

/// <summary>Execution searches and counts over the executions table (contract: <see cref="IExecutionSearch"/>).</summary>
public sealed class SqliteExecutionSearch(SqliteDatabase database) : IExecutionSearch
{
    private static readonly Dictionary<string, FilterColumn> Fields = new(StringComparer.Ordinal)
    {
        ["id"] = new(FilterColumnKind.Text, "id"),
        ["namespace"] = new(FilterColumnKind.Text, "namespace"),
        ["flowId"] = new(FilterColumnKind.Text, "flow_id"),
        ["state"] = new(FilterColumnKind.Text, "state"),
        ["startDate"] = new(FilterColumnKind.Date, "created_at"),
        ["endDate"] = new(FilterColumnKind.Date, "end_date"),
        ["labels"] = new(FilterColumnKind.Labels, "labels_json"),
        ["q"] = new(FilterColumnKind.Text, "id", "namespace", "flow_id"),
    };

    private static readonly Dictionary<string, string> Sorts = new(StringComparer.Ordinal)
    {
        ["id"] = "id",
        ["namespace"] = "namespace",
        ["flowId"] = "flow_id",
        ["state"] = "state",
        ["startDate"] = "created_at",
        ["endDate"] = "end_date",
    };

    public Task<Page<Execution>> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        query.Validate();
        var where = new SqliteWhere(Fields).AddAll(query.Filters);
        // rowid breaks ties between executions created in the same instant, as ListExecutionsAsync does.
        var order = SqliteWhere.OrderBy(query.Sort, Sorts, "created_at DESC, rowid DESC");
        return database.ReadAsync(connection =>
        {
            using var read = connection.BeginTransaction(deferred: true);
            using var count = SqliteCommands.Create(connection, read, "SELECT COUNT(*) FROM executions" + where.Sql);
            where.BindTo(count);
            var total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            using var page = SqliteCommands.Create(connection, read, "SELECT " + ExecutionRows.Columns + " FROM executions" + where.Sql + order + " LIMIT @limit OFFSET @offset");
            where.BindTo(page);
            page.Bind("@limit", query.Size).Bind("@offset", query.Offset);
            using var reader = page.ExecuteReader();
            var executions = new List<Execution>();
            while (reader.Read())
            {
                executions.Add(ExecutionRows.Read(reader));
            }

            return new Page<Execution>(executions, total);
        }, cancellationToken);
    }

    public Task<IReadOnlyDictionary<State, long>> CountByStateAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyDictionary<State, long>>(connection =>
        {
            using var command = SqliteCommands.Create(connection, null, "SELECT state, COUNT(*) FROM executions GROUP BY state");
            using var reader = command.ExecuteReader();
            var counts = new Dictionary<State, long>();
            while (reader.Read())
            {
                counts[States.Parse(reader.GetString(0))] = reader.GetInt64(1);
            }

            return counts;
        }, cancellationToken);
}
