using Harrier.Core.Store.Flows;
using Harrier.Persistence.Json;
using Npgsql;

namespace Harrier.Persistence.Postgres;

/// <summary>SQL and row mapping of the flows table.</summary>
internal static class FlowRows
{
    public const string Columns = "namespace, flow_id, revision, source, labels_json, deleted, updated_at";

    public const string SelectLatest = "SELECT " + Columns + " FROM flows WHERE namespace = @ns AND flow_id = @id AND latest";

    public const string SelectRevision = "SELECT " + Columns + " FROM flows WHERE namespace = @ns AND flow_id = @id AND revision = @revision";

    public const string SelectRevisions = "SELECT " + Columns + " FROM flows WHERE namespace = @ns AND flow_id = @id AND NOT deleted ORDER BY revision";

    public const string SelectNamespaceLatest = "SELECT " + Columns + " FROM flows WHERE namespace = @ns AND latest AND NOT deleted ORDER BY flow_id";

    // Revisions of one flow are numbered one after the other: writers of the same flow take this lock first (seed 1: the
    // flow concurrency lock hashes the same text with seed 0).
    private const string LockFlow = "SELECT pg_advisory_xact_lock(hashtextextended(@ns || '/' || @id, 1))";

    private const string Unmark = "UPDATE flows SET latest = false WHERE namespace = @ns AND flow_id = @id AND latest";

    private const string Insert =
        "INSERT INTO flows (namespace, flow_id, revision, source, labels_json, deleted, latest, updated_at) " +
        "VALUES (@ns, @id, @revision, @source, @labels_json, @deleted, true, @updated_at)";

    private const string Changed = "UPDATE flow_changes SET seq = seq + 1 WHERE id = 1";

    public static StoredFlow Read(NpgsqlDataReader reader) => new()
    {
        Namespace = reader.GetString(0),
        Id = reader.GetString(1),
        Revision = reader.GetInt32(2),
        Source = reader.GetString(3),
        Labels = StoredJson.ReadLabels(reader.GetString(4)),
        Deleted = reader.GetBoolean(5),
        Updated = reader.GetDate(6),
    };

    /// <summary>The flow's latest revision, after taking the flow's lock for the rest of the transaction.</summary>
    public static async Task<StoredFlow?> LockLatestAsync(PgSession session, string ns, string id, CancellationToken cancellationToken)
    {
        await session.Sql(LockFlow).Bind("@ns", ns).Bind("@id", id).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return await session.Sql(SelectLatest).Bind("@ns", ns).Bind("@id", id).ReadOneAsync(Read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds <paramref name="flow"/> as the flow's newest revision (inside the caller's transaction, flow locked).</summary>
    public static async Task<StoredFlow> AppendAsync(PgSession session, StoredFlow flow, CancellationToken cancellationToken)
    {
        await session.Sql(Unmark).Bind("@ns", flow.Namespace).Bind("@id", flow.Id).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        await session.Sql(Insert)
            .Bind("@ns", flow.Namespace)
            .Bind("@id", flow.Id)
            .Bind("@revision", flow.Revision)
            .Bind("@source", flow.Source)
            .Bind("@labels_json", StoredJson.WriteLabels(flow.Labels))
            .Bind("@deleted", flow.Deleted)
            .Bind("@updated_at", flow.Updated)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        await session.Sql(Changed).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return flow;
    }
}
