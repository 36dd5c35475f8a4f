using Harrier.Core.Store.Flows;
using Harrier.Core.Store.Search;
using Harrier.Persistence.Postgres.Search;
using Harrier.Persistence.Sqlite.Search;

namespace Harrier.Persistence.Postgres;

/// <summary>Deployed flows and their revisions in PostgreSQL (contract: <see cref="IFlowStore"/>).</summary>
public sealed class PostgresFlowStore(PostgresDatabase database, TimeProvider time) : IFlowStore
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
        database.WriteAsync(session => SaveAsync(session, flow, mode, cancellationToken), cancellationToken);

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

        return database.WriteAsync<IReadOnlyList<FlowSaveResult>>(async session =>
        {
            var results = new List<FlowSaveResult>();
            if (deleteMissing)
            {
                var kept = flows.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
                var existing = await session.Sql(FlowRows.SelectNamespaceLatest).Bind("@ns", ns).ReadAllAsync(FlowRows.Read, cancellationToken).ConfigureAwait(false);
                foreach (var flow in existing.Where(f => !kept.Contains(f.Id)))
                {
                    // Read again under the flow's lock: another writer may have moved it on since the list was read.
                    if (await FlowRows.LockLatestAsync(session, ns, flow.Id, cancellationToken).ConfigureAwait(false) is { Deleted: false } latest)
                    {
                        results.Add(new FlowSaveResult(FlowSaveStatus.Deleted, await MarkDeletedAsync(session, latest, cancellationToken).ConfigureAwait(false)));
                    }
                }
            }

            foreach (var flow in flows)
            {
                results.Add(await SaveAsync(session, flow, FlowSaveMode.Upsert, cancellationToken).ConfigureAwait(false));
            }

            return results;
        }, cancellationToken);
    }

    public Task<bool> DeleteAsync(string ns, string id, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            if (await FlowRows.LockLatestAsync(session, ns, id, cancellationToken).ConfigureAwait(false) is not { Deleted: false } latest)
            {
                return false;
            }

            await MarkDeletedAsync(session, latest, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task<StoredFlow?> GetAsync(string ns, string id, int? revision, bool allowDeleted, CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
        {
            var statement = revision is { } number
                ? session.Sql(FlowRows.SelectRevision).Bind("@ns", ns).Bind("@id", id).Bind("@revision", number)
                : session.Sql(FlowRows.SelectLatest).Bind("@ns", ns).Bind("@id", id);
            var flow = await statement.ReadOneAsync(FlowRows.Read, cancellationToken).ConfigureAwait(false);
            return flow is { Deleted: true } && !allowDeleted ? null : flow;
        }, cancellationToken);

    public Task<IReadOnlyList<StoredFlow>> ListRevisionsAsync(string ns, string id, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StoredFlow>>(async session => await session.Sql(FlowRows.SelectRevisions).Bind("@ns", ns).Bind("@id", id)
            .ReadAllAsync(FlowRows.Read, cancellationToken).ConfigureAwait(false), cancellationToken);

    public Task<Page<StoredFlow>> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        query.Validate();
        var where = new PgWhere(Fields);
        where.AddRaw("latest");
        where.AddRaw("NOT deleted");
        where.AddAll(query.Filters);
        var order = PgWhere.OrderBy(query.Sort, Sorts, "namespace, flow_id");
        return database.SnapshotAsync(async session =>
        {
            var total = (long)(await where.BindTo(session.Sql("SELECT COUNT(*) FROM flows" + where.Sql)).ScalarAsync(cancellationToken).ConfigureAwait(false))!;
            var page = await where.BindTo(session.Sql("SELECT " + FlowRows.Columns + " FROM flows" + where.Sql + order + " LIMIT @limit OFFSET @offset"))
                .Bind("@limit", query.Size).Bind("@offset", query.Offset).ReadAllAsync(FlowRows.Read, cancellationToken).ConfigureAwait(false);
            return new Page<StoredFlow>(page, total);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListNamespacesAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(async session => await session
            .Sql("SELECT DISTINCT namespace FROM flows WHERE latest AND NOT deleted ORDER BY namespace")
            .ReadAllAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false), cancellationToken);

    private async Task<FlowSaveResult> SaveAsync(PgSession session, FlowDocument flow, FlowSaveMode mode, CancellationToken cancellationToken)
    {
        var latest = await FlowRows.LockLatestAsync(session, flow.Namespace, flow.Id, cancellationToken).ConfigureAwait(false);
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

        var stored = await FlowRows.AppendAsync(session, new StoredFlow
        {
            Namespace = flow.Namespace,
            Id = flow.Id,
            Revision = (latest?.Revision ?? 0) + 1,
            Source = flow.Source,
            Labels = flow.Labels,
            Updated = time.GetUtcNow(),
        }, cancellationToken).ConfigureAwait(false);
        return new FlowSaveResult(exists ? FlowSaveStatus.Updated : FlowSaveStatus.Created, stored);
    }

    private Task<StoredFlow> MarkDeletedAsync(PgSession session, StoredFlow latest, CancellationToken cancellationToken) =>
        FlowRows.AppendAsync(session, latest with { Revision = latest.Revision + 1, Deleted = true, Updated = time.GetUtcNow() }, cancellationToken);
}
