using Harrier.Core.Executions;
using Harrier.Core.Json;
using Harrier.Persistence.Json;
using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>SQL and row mapping of the executions table.</summary>
internal static class ExecutionRows
{
    // The inline document only for rows stored before flow_sources existed; newer rows read theirs on request.
    public const string Columns =
        "id, namespace, flow_id, flow_revision, state, inputs_json, outputs_json, labels_json, created_at, start_date, end_date, " +
        "CASE WHEN flow_source_id IS NULL THEN flow_source ELSE '' END, flow_file, error, owner, kill_requested_at, change_seq, planned_seq, " +
        "progress_json, flow_source_id, parent_execution_id, parent_task_run_id, trigger_json, concurrency_limit, kill_end_state, " +
        "attempt_number, original_id, original_created_at, retry_at";

    public const string SelectById = "SELECT " + Columns + " FROM executions WHERE id = @id";

    /// <summary>States that end an execution or a task run, as SQL text (the partial indexes use the same list).</summary>
    public const string TerminalStates = "('SUCCESS', 'WARNING', 'FAILED', 'KILLED', 'CANCELLED', 'SKIPPED', 'RETRIED')";

    private const string Insert =
        "INSERT INTO executions (id, namespace, flow_id, flow_revision, state, inputs_json, outputs_json, labels_json, created_at, start_date, " +
        "end_date, flow_source, flow_file, error, owner, change_seq, planned_seq, progress_json, flow_source_id, parent_execution_id, parent_task_run_id, " +
        "trigger_json, concurrency_limit, attempt_number, original_id, original_created_at, retry_at) VALUES " +
        "(@id, @namespace, @flow_id, @flow_revision, @state, @inputs_json, @outputs_json, @labels_json, @created_at, @start_date, @end_date, " +
        "'', @flow_file, @error, @owner, 1, 0, @progress_json, @flow_source_id, @parent_execution_id, @parent_task_run_id, @trigger_json, @concurrency_limit, " +
        "@attempt_number, @original_id, @original_created_at, @retry_at)";

    private const string InsertSource = "INSERT OR IGNORE INTO flow_sources (id, source) VALUES (@id, @source)";

    public const string SelectSource = "SELECT source FROM flow_sources WHERE id = @id";

    // Only the planner's fields: the owner, the kill request and the labels belong to other writers.
    private const string UpdatePlanned =
        "UPDATE executions SET state = @state, outputs_json = @outputs_json, start_date = @start_date, end_date = @end_date, " +
        "error = @error, planned_seq = @planned_seq, progress_json = @progress_json, kill_end_state = @kill_end_state, " +
        "retry_at = @retry_at WHERE id = @id";

    /// <summary>
    /// Inserts the execution, and its flow document unless a row already holds the same text. A flow's concurrency limit
    /// is applied first (<see cref="ConcurrencyAdmission"/>): returns the execution as stored, perhaps QUEUED or already
    /// ended — an end recorded in the outbox like any other.
    /// </summary>
    public static Execution InsertNew(SqliteWrite write, Execution execution, DateTimeOffset now)
    {
        execution = ConcurrencyAdmission.Admit(write, execution, now);
        var sourceId = execution.FlowSourceId ?? FlowSources.IdOf(execution.FlowSource);
        write.Command(InsertSource).Bind("@id", sourceId).Bind("@source", execution.FlowSource).ExecuteNonQuery();
        write.Command(Insert)
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
            .Bind("@flow_file", execution.FlowFile)
            .Bind("@error", execution.Error)
            .Bind("@owner", execution.Owner)
            .Bind("@progress_json", StoredJson.WriteProgress(execution.Progress))
            .Bind("@flow_source_id", sourceId)
            .Bind("@parent_execution_id", execution.ParentExecutionId)
            .Bind("@parent_task_run_id", execution.ParentTaskRunId)
            .Bind("@trigger_json", TriggerJson.Write(execution.Trigger))
            .Bind("@concurrency_limit", execution.ConcurrencyLimit)
            .Bind("@attempt_number", execution.AttemptNumber)
            .Bind("@original_id", execution.OriginalId)
            .Bind("@original_created_at", SqliteDates.ToParameter(execution.OriginalCreatedAt))
            .Bind("@retry_at", SqliteDates.ToParameter(execution.RetryAt))
            .ExecuteNonQuery();
        if (execution.State.IsTerminal())
        {
            ExecutionEndRows.Record(write, execution, now);
        }

        return execution;
    }

    /// <summary>Writes the planner's fields of a stored execution inside the caller's transaction; throws when there is none.</summary>
    public static void UpdatePlannerFields(SqliteWrite write, Execution execution)
    {
        var changed = write.Command(UpdatePlanned)
            .Bind("@id", execution.Id)
            .Bind("@state", execution.State.ToName())
            .Bind("@outputs_json", PlainJson.Serialize(execution.Outputs))
            .Bind("@start_date", SqliteDates.ToParameter(execution.StartDate))
            .Bind("@end_date", SqliteDates.ToParameter(execution.EndDate))
            .Bind("@error", execution.Error)
            .Bind("@planned_seq", execution.PlannedSeq)
            .Bind("@progress_json", StoredJson.WriteProgress(execution.Progress))
            .Bind("@kill_end_state", execution.KillEndState?.ToName())
            .Bind("@retry_at", SqliteDates.ToParameter(execution.RetryAt))
            .ExecuteNonQuery();
        if (changed != 1)
        {
            throw new KeyNotFoundException($"Execution '{execution.Id}' does not exist; create it before updating it.");
        }
    }

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
        Owner = reader.GetStringOrNull(14),
        KillRequestedAt = SqliteDates.ParseOrNull(reader.GetStringOrNull(15)),
        ChangeSeq = reader.GetInt64(16),
        PlannedSeq = reader.GetInt64(17),
        Progress = StoredJson.ReadProgress(reader.GetStringOrNull(18)),
        FlowSourceId = reader.GetStringOrNull(19),
        ParentExecutionId = reader.GetStringOrNull(20),
        ParentTaskRunId = reader.GetStringOrNull(21),
        Trigger = TriggerJson.Read(reader.GetStringOrNull(22)),
        ConcurrencyLimit = reader.IsDBNull(23) ? null : reader.GetInt32(23),
        KillEndState = reader.GetStringOrNull(24) is { } killEnd ? States.Parse(killEnd) : null,
        AttemptNumber = reader.GetInt32(25),
        OriginalId = reader.GetStringOrNull(26),
        OriginalCreatedAt = SqliteDates.ParseOrNull(reader.GetStringOrNull(27)),
        RetryAt = SqliteDates.ParseOrNull(reader.GetStringOrNull(28)),
    };

    /// <summary>Maps are stored with <see cref="PlainJson"/>; anything but an object reads back as an empty map.</summary>
    public static IReadOnlyDictionary<string, object?> ReadMap(string json) =>
        PlainJson.Parse(json) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
}
