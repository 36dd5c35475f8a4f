using Harrier.Core.Executions;
using Harrier.Core.Json;
using Harrier.Persistence.Json;
using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>SQL and row mapping of the executions table.</summary>
internal static class ExecutionRows
{
    public const string Columns =
        "id, namespace, flow_id, flow_revision, state, inputs_json, outputs_json, labels_json, created_at, start_date, end_date, flow_source, flow_file, error";

    public const string Insert =
        "INSERT INTO executions (" + Columns + ") VALUES " +
        "(@id, @namespace, @flow_id, @flow_revision, @state, @inputs_json, @outputs_json, @labels_json, @created_at, @start_date, @end_date, @flow_source, @flow_file, @error)";

    public const string Update =
        "UPDATE executions SET namespace = @namespace, flow_id = @flow_id, flow_revision = @flow_revision, state = @state, " +
        "inputs_json = @inputs_json, outputs_json = @outputs_json, labels_json = @labels_json, created_at = @created_at, " +
        "start_date = @start_date, end_date = @end_date, flow_source = @flow_source, flow_file = @flow_file, error = @error WHERE id = @id";

    /// <summary>Replaces a stored execution inside the caller's transaction; throws when there is none to replace.</summary>
    public static int UpdateExisting(SqliteWrite write, Execution execution)
    {
        var changed = write.Command(Update).BindAll(execution).ExecuteNonQuery();
        return changed == 1
            ? changed
            : throw new KeyNotFoundException($"Execution '{execution.Id}' does not exist; create it before updating it.");
    }

    public static SqliteCommand BindAll(this SqliteCommand command, Execution execution) => command
        .Bind("@id", execution.Id)
        .Bind("@namespace", execution.Namespace)
        .Bind("@flow_id", execution.FlowId)
        .Bind("@flow_revision", execution.FlowRevision)
        .Bind("@state", execution.State.ToName())
        .Bind("@inputs_json", PlainJson.Serialize(execution.Inputs))
        .Bind("@outputs_json", PlainJson.Serialize(execution.Outputs))
        .Bind("@labels_json", StoredJson.WriteLabels(execution.Labels))
        .Bind("@created_at", SqliteDates.ToText(execution.CreatedAt))
        .Bind("@start_date", SqliteDates.ToParameter(execution.StartDate))
        .Bind("@end_date", SqliteDates.ToParameter(execution.EndDate))
        .Bind("@flow_source", execution.FlowSource)
        .Bind("@flow_file", execution.FlowFile)
        .Bind("@error", execution.Error);

    public static Execution Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Namespace = reader.GetString(1),
        FlowId = reader.GetString(2),
        FlowRevision = reader.GetInt32(3),
        State = States.Parse(reader.GetString(4)),
        Inputs = ReadMap(reader.GetString(5)),
        Outputs = ReadMap(reader.GetString(6)),
        Labels = StoredJson.ReadLabels(reader.GetString(7)),
        CreatedAt = SqliteDates.Parse(reader.GetString(8)),
        StartDate = SqliteDates.ParseOrNull(reader.GetStringOrNull(9)),
        EndDate = SqliteDates.ParseOrNull(reader.GetStringOrNull(10)),
        FlowSource = reader.GetString(11),
        FlowFile = reader.GetString(12),
        Error = reader.GetStringOrNull(13),
    };

    /// <summary>Maps are stored with <see cref="PlainJson"/>; anything but an object reads back as an empty map.</summary>
    public static IReadOnlyDictionary<string, object?> ReadMap(string json) =>
        PlainJson.Parse(json) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
}
