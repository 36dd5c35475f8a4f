using Harrier.Core.Store.Flows;
using Harrier.Persistence.Json;
using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>SQL and row mapping of the flows table (migration 0005).</summary>
internal static class FlowRows
{
    public const string Columns = "namespace, flow_id, revision, source, labels_json, deleted, updated_at";

    public const string SelectLatest = "SELECT " + Columns + " FROM flows WHERE namespace = @ns AND flow_id = @id AND latest = 1";

    public const string SelectRevision = "SELECT " + Columns + " FROM flows WHERE namespace = @ns AND flow_id = @id AND revision = @revision";

    public const string SelectRevisions = "SELECT " + Columns + " FROM flows WHERE namespace = @ns AND flow_id = @id AND deleted = 0 ORDER BY revision";

    public const string SelectNamespaceLatest = "SELECT " + Columns + " FROM flows WHERE namespace = @ns AND latest = 1 AND deleted = 0 ORDER BY flow_id";

    private const string Unmark = "UPDATE flows SET latest = 0 WHERE namespace = @ns AND flow_id = @id AND latest = 1";

    private const string Insert =
        "INSERT INTO flows (namespace, flow_id, revision, source, labels_json, deleted, latest, updated_at) " +
        "VALUES (@ns, @id, @revision, @source, @labels_json, @deleted, 1, @updated_at)";

    public static StoredFlow Read(SqliteDataReader reader) => new()
    {
        Namespace = reader.GetString(0),
        Id = reader.GetString(1),
        Revision = reader.GetInt32(2),
        Source = reader.GetString(3),
        Labels = StoredJson.ReadLabels(reader.GetString(4)),
        Deleted = reader.GetInt64(5) != 0,
        Updated = SqliteDates.Parse(reader.GetString(6)),
    };

    public static StoredFlow? ReadOne(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    public static List<StoredFlow> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var flows = new List<StoredFlow>();
        while (reader.Read())
        {
            flows.Add(Read(reader));
        }

        return flows;
    }

    /// <summary>The flow's latest revision as the write transaction sees it.</summary>
    public static StoredFlow? Latest(SqliteWrite write, string ns, string id) =>
        ReadOne(write.Command(SelectLatest).Bind("@ns", ns).Bind("@id", id));

    /// <summary>Adds <paramref name="flow"/> as the flow's newest revision (inside the caller's transaction).</summary>
    public static StoredFlow Append(SqliteWrite write, StoredFlow flow)
    {
        write.Command(Unmark).Bind("@ns", flow.Namespace).Bind("@id", flow.Id).ExecuteNonQuery();
        write.Command(Insert)
            .Bind("@ns", flow.Namespace)
            .Bind("@id", flow.Id)
            .Bind("@revision", flow.Revision)
            .Bind("@source", flow.Source)
            .Bind("@labels_json", StoredJson.WriteLabels(flow.Labels))
            .Bind("@deleted", flow.Deleted ? 1 : 0)
            .Bind("@updated_at", SqliteDates.ToText(flow.Updated))
            .ExecuteNonQuery();
        return flow;
    }
}
