using Harrier.Core.Executions;
using Harrier.Core.Json;
using Harrier.Persistence.Json;
using Npgsql;

namespace Harrier.Persistence.Postgres;

/// <summary>SQL and row mapping of the executions table.</summary>
internal static class ExecutionRows
{
    // Flow documents live in flow_sources only; an execution's FlowSource reads back empty, as on SQLite.
    public const string Columns =
        "id, namespace, flow_id, flow_revision, state, inputs_json, outputs_json, labels_json, created_at, start_date, end_date, " +
        "'', flow_file, error, owner, kill_requested_at, change_seq, planned_seq, " +
        "progress_json, flow_source_id, parent_execution_id, parent_task_run_id, trigger_json, concurrency_limit, kill_end_state, " +
        "attempt_number, original_id, original_created_at, retry_at";

    public const string SelectById = "SELECT " + Columns + " FROM executions WHERE id = @id";

    /// <summary>States that end an execution or a task run, as SQL text (the partial indexes use the same list).</summary>
    public const string TerminalStates = "('SUCCESS', 'WARNING', 'FAILED', 'KILLED', 'CANCELLED', 'SKIPPED', 'RETRIED')";

    private const string Insert =
        "INSERT INTO executions (id, namespace, flow_id, flow_revision, state, inputs_json, outputs_json, labels_json, created_at, start_date, " +
        "end_date, flow_file, error, owner, change_seq, planned_seq, progress_json, flow_source_id, parent_execution_id, parent_task_run_id, " +
        "trigger_json, concurrency_limit, attempt_number, original_id, original_created_at, retry_at) VALUES " +
        "(@id, @namespace, @flow_id, @flow_revision, @state, @inputs_json, @outputs_json, @labels_json, @created_at, @start_date, @end_date, " +
        "@flow_file, @error, @owner, 1, 0, @progress_json, @flow_source_id, @parent_execution_id, @parent_task_run_id, @trigger_json, @concurrency_limit, " +
        "@attempt_number, @original_id, @original_created_at, @retry_at)";

    private const string InsertSource = "INSERT INTO flow_sources (id, source) VALUES (@id, @source) ON CONFLICT (id) DO NOTHING";

    public const string SelectSource = "SELECT source FROM flow_sources WHERE id = @id";

    private const string UpdatePlanned =
        "UPDATE executions SET state = @state, outputs_json = @outputs_json, start_date = @start_date, end_date = @end_date, " +
        "error = @error, planned_seq = @planned_seq, progress_json = @progress_json, kill_end_state = @kill_end_state, " +
        "retry_at = @retry_at WHERE id = @id";

    /// <summary>
    /// Inserts the execution, and its flow document unless a row already holds the same text, after the flow's concurrency
    /// limit (<see cref="ConcurrencyAdmission"/>); returns the execution as stored.
    /// </summary>
    public static async Task<Execution> InsertNewAsync(PgSession session, Execution execution, DateTimeOffset now, CancellationToken cancellationToken)
    {
        execution = await ConcurrencyAdmission.AdmitAsync(session, execution, now, cancellationToken).ConfigureAwait(false);
        var sourceId = execution.FlowSourceId ?? FlowSources.IdOf(execution.FlowSource);
        await session.Sql(InsertSource).Bind("@id", sourceId).Bind("@source", execution.FlowSource).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        await session.Sql(Insert)
            .Bind("@id", execution.Id)
            .Bind("@namespace", execution.Namespace)
            .Bind("@flow_id", execution.FlowId)
            .Bind("@flow_revision", execution.FlowRevision)
            .Bind("@state", execution.State.ToName())
            .Bind("@inputs_json", PlainJson.Serialize(execution.Inputs))
            .Bind("@outputs_json", PlainJson.Serialize(execution.Outputs))
            .Bind("@labels_json", StoredJson.WriteLabels(execution.Labels))
            .Bind("@created_at", execution.CreatedAt)
            .Bind("@start_date", execution.StartDate)
            .Bind("@end_date", execution.EndDate)
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
            .Bind("@original_created_at", execution.OriginalCreatedAt)
            .Bind("@retry_at", execution.RetryAt)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        if (execution.State.IsTerminal())
        {
            await ExecutionEndRows.RecordAsync(session, execution, now, cancellationToken).ConfigureAwait(false);
        }

        return execution;
    }

    /// <summary>Writes the planner's fields of a stored execution inside the caller's transaction; throws when there is none.</summary>
    public static async Task UpdatePlannerFieldsAsync(PgSession session, Execution execution, CancellationToken cancellationToken)
    {
        var changed = await session.Sql(UpdatePlanned)
            .Bind("@id", execution.Id)
            .Bind("@state", execution.State.ToName())
            .Bind("@outputs_json", PlainJson.Serialize(execution.Outputs))
            .Bind("@start_date", execution.StartDate)
            .Bind("@end_date", execution.EndDate)
            .Bind("@error", execution.Error)
            .Bind("@planned_seq", execution.PlannedSeq)
            .Bind("@progress_json", StoredJson.WriteProgress(execution.Progress))
            .Bind("@kill_end_state", execution.KillEndState?.ToName())
            .Bind("@retry_at", execution.RetryAt)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new KeyNotFoundException($"Execution '{execution.Id}' does not exist; create it before updating it.");
        }
    }

    public static Execution Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Namespace = reader.GetString(1),
        FlowId = reader.GetString(2),
        FlowRevision = reader.GetInt32(3),
        State = States.Parse(reader.GetString(4)),
        Inputs = ReadMap(reader.GetString(5)),
        Outputs = ReadMap(reader.GetString(6)),
        Labels = StoredJson.ReadLabels(reader.GetString(7)),
        CreatedAt = reader.GetDate(8),
        StartDate = reader.GetDateOrNull(9),
        EndDate = reader.GetDateOrNull(10),
        FlowSource = reader.GetString(11),
        FlowFile = reader.GetString(12),
        Error = reader.GetStringOrNull(13),
        Owner = reader.GetStringOrNull(14),
        KillRequestedAt = reader.GetDateOrNull(15),
        ChangeSeq = reader.GetInt64(16),
        PlannedSeq = reader.GetInt64(17),
        Progress = StoredJson.ReadProgress(reader.GetStringOrNull(18)),
        FlowSourceId = reader.GetStringOrNull(19),
        ParentExecutionId = reader.GetStringOrNull(20),
        ParentTaskRunId = reader.GetStringOrNull(21),
        Trigger = TriggerJson.Read(reader.GetStringOrNull(22)),
        ConcurrencyLimit = reader.GetInt32OrNull(23),
        KillEndState = reader.GetStringOrNull(24) is { } killEnd ? States.Parse(killEnd) : null,
        AttemptNumber = reader.GetInt32(25),
        OriginalId = reader.GetStringOrNull(26),
        OriginalCreatedAt = reader.GetDateOrNull(27),
        RetryAt = reader.GetDateOrNull(28),
    };

    /// <summary>Maps are stored with <see cref="PlainJson"/>; anything but an object reads back as an empty map.</summary>
    public static IReadOnlyDictionary<string, object?> ReadMap(string json) =>
        PlainJson.Parse(json) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();

    public static Task<Execution?> ReadAsync(PgSession session, string id, CancellationToken cancellationToken) =>
        session.Sql(SelectById).Bind("@id", id).ReadOneAsync(Read, cancellationToken);
}
