using Harrier.Core.Store.Flows;
using Harrier.Core.Store.Search;
using Harrier.Persistence.Sqlite.Search;

namespace Harrier.Persistence.Sqlite;

/// <summary>Deployed flows and their revisions in SQLite (contract: <see cref="IFlowStore"/>).</summary>
public sealed class SqliteFlowStore(SqliteDatabase database, TimeProvider time) : IFlowStore
{
    private static readonly Dictionary<string, FilterColumn> Fields = new(StringComparer.Ordinal)
    {
        ["namespace"] = new(FilterColumnKind.Text, "namespace"),
        ["id"] = new(FilterColumnKind.Text, "flow_id"),
        ["q"] = new(FilterColumnKind.Text, "flow_id", "namespace"),
        ["labels"] = new(FilterColumnKind.Labels, "labels_json"),
    };

    private static readonly Dictionary<string, string> Sorts = new(StringComparer.Ordinal)
    {
        ["id"] = "flow_id",
        ["namespace"] = "namespace",
        ["revision"] = "revision",
        ["updated"] = "updated_at",
    };

    public Task<FlowSaveResult> SaveAsync(FlowDocument flow, FlowSaveMode mode, CancellationToken cancellationToken) =>
        database.WriteAsync(write => Save(write, flow, mode), cancellationToken);

    public Task<IReadOnlyList<FlowSaveResult>> ReplaceNamespaceAsync(string ns, IReadOnlyList<FlowDocument> flows, bool deleteMissing, CancellationToken cancellationToken)
    {
        if (flows.FirstOrDefault(f => f.Namespace != ns) is { } foreign)
        {
            throw new ArgumentException($"flow '{foreign.Namespace}.{foreign.Id}' is not in namespace '{ns}'", nameof(flows));
        }

        if (flows.GroupBy(f => f.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"flow id '{duplicate.Key}' is given twice", nameof(flows));
        }

        return database.WriteAsync<IReadOnlyList<FlowSaveResult>>(write =>
        {
            var results = new List<FlowSaveResult>();
            if (deleteMissing)
            {
                var kept = flows.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var existing in FlowRows.ReadAll(write.Command(FlowRows.SelectNamespaceLatest).Bind("@ns", ns)))
                {
                    if (!kept.Contains(existing.Id))
                    {
                        results.Add(new FlowSaveResult(FlowSaveStatus.Deleted, MarkDeleted(write, existing)));
                    }
                }
            }

            results.AddRange(flows.Select(flow => Save(write, flow, FlowSaveMode.Upsert)));
            return results;
        }, cancellationToken);
    }

    public Task<bool> DeleteAsync(string ns, string id, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            if (FlowRows.Latest(write, ns, id) is not { Deleted: false } latest)
            {
                return false;
            }

            MarkDeleted(write, latest);
            return true;
        }, cancellationToken);

    public Task<StoredFlow?> GetAsync(string ns, string id, int? revision, bool allowDeleted, CancellationToken cancellationToken) =>
        database.QueryAsync(read =>
        {
            var flow = revision is { } number
                ? FlowRows.ReadOne(read.Command(FlowRows.SelectRevision).Bind("@ns", ns).Bind("@id", id).Bind("@revision", number))
                : FlowRows.ReadOne(read.Command(FlowRows.SelectLatest).Bind("@ns", ns).Bind("@id", id));
            return flow is { Deleted: true } && !allowDeleted ? null : flow;
        }, cancellationToken);

    public Task<IReadOnlyList<StoredFlow>> ListRevisionsAsync(string ns, string id, CancellationToken cancellationToken) =>
        database.QueryAsync<IReadOnlyList<StoredFlow>>(read => FlowRows.ReadAll(read.Command(FlowRows.SelectRevisions).Bind("@ns", ns).Bind("@id", id)), cancellationToken);

    public Task<Page<StoredFlow>> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        query.Validate();
        var where = new SqliteWhere(Fields);
        where.AddRaw("latest = 1");
        where.AddRaw("deleted = 0");
        where.AddAll(query.Filters);
        var order = SqliteWhere.OrderBy(query.Sort, Sorts, "namespace, flow_id");
        return database.ReadAsync(connection =>
        {
            using var read = connection.BeginTransaction(deferred: true);
            using var count = SqliteCommands.Create(connection, read, "SELECT COUNT(*) FROM flows" + where.Sql);
            where.BindTo(count);
            var total = Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            using var page = SqliteCommands.Create(connection, read, "SELECT " + FlowRows.Columns + " FROM flows" + where.Sql + order + " LIMIT @limit OFFSET @offset");
            where.BindTo(page);
            page.Bind("@limit", query.Size).Bind("@offset", query.Offset);
            return new Page<StoredFlow>(FlowRows.ReadAll(page), total);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListNamespacesAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(connection =>
        {
            using var command = SqliteCommands.Create(connection, null, "SELECT DISTINCT namespace FROM flows WHERE latest = 1 AND deleted = 0 ORDER BY namespace");
            using var reader = command.ExecuteReader();
            var namespaces = new List<string>();
            while (reader.Read())
            {
                namespaces.Add(reader.GetString(0));
            }

            return namespaces;
        }, cancellationToken);

    private FlowSaveResult Save(SqliteWrite write, FlowDocument flow, FlowSaveMode mode)
    {
        var latest = FlowRows.Latest(write, flow.Namespace, flow.Id);
        var exists = latest is { Deleted: false };
        if (exists && mode == FlowSaveMode.Create)
        {
            return new FlowSaveResult(FlowSaveStatus.AlreadyExists, latest);
        }

        if (!exists && mode == FlowSaveMode.Update)
        {
            return new FlowSaveResult(FlowSaveStatus.NotFound, null);
        }

        if (exists && string.Equals(latest!.Source, flow.Source, StringComparison.Ordinal))
        {
            return new FlowSaveResult(FlowSaveStatus.Unchanged, latest);
        }

        var stored = FlowRows.Append(write, new StoredFlow
        {
            Namespace = flow.Namespace,
            Id = flow.Id,
            Revision = (latest?.Revision ?? 0) + 1,
            Source = flow.Source,
            Labels = flow.Labels,
            Updated = time.GetUtcNow(),
        });
        return new FlowSaveResult(exists ? FlowSaveStatus.Updated : FlowSaveStatus.Created, stored);
    }

    private StoredFlow MarkDeleted(SqliteWrite write, StoredFlow latest) =>
        FlowRows.Append(write, latest with { Revision = latest.Revision + 1, Deleted = true, Updated = time.GetUtcNow() });
}
