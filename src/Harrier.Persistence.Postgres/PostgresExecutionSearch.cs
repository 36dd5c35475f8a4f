using Harrier.Core.Executions;
using Harrier.Core.Store;
using Harrier.Core.Store.Search;
using Harrier.Persistence.Postgres.Search;
using Harrier.Persistence.Sqlite.Search;

namespace Harrier.Persistence.Postgres;

/// <summary>Execution searches and counts over the executions table (contract: <see cref="IExecutionSearch"/>).</summary>
public sealed class PostgresExecutionSearch(PostgresDatabase database) : IExecutionSearch
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
        var where = new PgWhere(Fields).AddAll(query.Filters);
        var order = PgWhere.OrderBy(query.Sort, Sorts, "created_at DESC, row_seq DESC");
        return database.SnapshotAsync(async session =>
        {
            var total = (long)(await where.BindTo(session.Sql("SELECT COUNT(*) FROM executions" + where.Sql)).ScalarAsync(cancellationToken).ConfigureAwait(false))!;
            var executions = await where.BindTo(session.Sql("SELECT " + ExecutionRows.Columns + " FROM executions" + where.Sql + order + " LIMIT @limit OFFSET @offset"))
                .Bind("@limit", query.Size).Bind("@offset", query.Offset).ReadAllAsync(ExecutionRows.Read, cancellationToken).ConfigureAwait(false);
            return new Page<Execution>(executions, total);
        }, cancellationToken);
    }

    public Task<IReadOnlyDictionary<State, long>> CountByStateAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyDictionary<State, long>>(async session =>
        {
            var rows = await session.Sql("SELECT state, COUNT(*) FROM executions GROUP BY state")
                .ReadAllAsync(r => (States.Parse(r.GetString(0)), r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
            return rows.ToDictionary(row => row.Item1, row => row.Item2);
        }, cancellationToken);
}
