using Harrier.Core.Executions;
using Harrier.Core.Json;
using Harrier.Core.Metrics;
using Harrier.Core.Store;
using Harrier.Persistence.Json;
using Npgsql;

namespace Harrier.Persistence.Postgres;

/// <summary>SQL and row mapping of task runs, their metrics and ForEach values.</summary>
internal static class TaskRunRows
{
    public const string Columns =
        "id, execution_id, task_id, parent_task_run_id, value, iteration, state, attempts_json, outputs_json, decision_json, created_at, " +
        "end_date, next_attempt_at, change_seq, output_path_json, progress_json, quiet";

    public const string SelectById = "SELECT " + Columns + " FROM task_runs WHERE id = @id";

    public const string SelectByExecution = "SELECT " + Columns + " FROM task_runs WHERE execution_id = @execution_id ORDER BY ordinal";

    public const string SelectUnfinished =
        "SELECT " + Columns + " FROM task_runs WHERE execution_id = @execution_id AND state NOT IN " + ExecutionRows.TerminalStates + " ORDER BY ordinal";

    /// <summary>
    /// <see cref="SelectUnfinished"/> without the quiet runs (see <c>TaskRun.Quiet</c>), through the partial index
    /// task_runs_unfinished_loud: the changed ones come with <see cref="SelectChangedSince"/>.
    /// </summary>
    public const string SelectUnfinishedLoud =
        "SELECT " + Columns + " FROM task_runs WHERE execution_id = @execution_id AND state NOT IN " + ExecutionRows.TerminalStates +
        " AND NOT quiet ORDER BY ordinal";

    public const string SelectChangedSince =
        "SELECT " + Columns + " FROM task_runs WHERE execution_id = @execution_id AND change_seq > @after ORDER BY ordinal";

    public const string SelectWithOutputs =
        "SELECT " + Columns + " FROM task_runs WHERE execution_id = @execution_id AND outputs_json <> '{}' ORDER BY ordinal";

    public const string SelectByIdentity =
        "SELECT " + Columns + " FROM task_runs WHERE execution_id = @execution_id AND task_id = @task_id " +
        "AND COALESCE(parent_task_run_id, '') = @parent AND COALESCE(iteration, -1) = @iteration";

    public const string SelectValues =
        "SELECT value FROM foreach_values WHERE task_run_id = @id AND idx >= @from AND idx < @until ORDER BY idx";

    public const string SelectMetricsByTaskRun =
        "SELECT task_run_id, name, type, value, tags_json FROM metrics WHERE task_run_id = @id ORDER BY position";

    public const string SelectMetricsByExecution =
        "SELECT task_run_id, name, type, value, tags_json FROM metrics WHERE execution_id = @execution_id ORDER BY task_run_id, position";

    private const string Fields =
        "execution_id = @execution_id, task_id = @task_id, parent_task_run_id = @parent_task_run_id, value = @value, iteration = @iteration, " +
        "state = @state, attempts_json = @attempts_json, outputs_json = @outputs_json, decision_json = @decision_json, created_at = @created_at, " +
        "end_date = @end_date, next_attempt_at = @next_attempt_at, change_seq = @change_seq, output_path_json = @output_path_json, " +
        "progress_json = @progress_json, quiet = @quiet";

    // The ordinal is taken on first insert only. Exact without a race: the writer holds the execution's row lock
    // (ChangeSequence), so no other transaction inserts a run of this execution meanwhile.
    private const string InsertValues =
        "INSERT INTO task_runs (ordinal, " + Columns + ") VALUES (" +
        "(SELECT COALESCE(MAX(ordinal), -1) + 1 FROM task_runs WHERE execution_id = @execution_id), " +
        "@id, @execution_id, @task_id, @parent_task_run_id, @value, @iteration, @state, @attempts_json, @outputs_json, @decision_json, @created_at, " +
        "@end_date, @next_attempt_at, @change_seq, @output_path_json, @progress_json, @quiet)";

    // An existing id or identity refuses the insert without aborting the transaction (the caller raises the conflict).
    private const string Insert = InsertValues + " ON CONFLICT DO NOTHING";

    private const string UpdateVersioned = "UPDATE task_runs SET " + Fields + " WHERE id = @id AND change_seq = @expected";

    private const string Upsert = InsertValues + " ON CONFLICT (id) DO UPDATE SET " + Fields;

    private const string DeleteMetrics = "DELETE FROM metrics WHERE task_run_id = @id";

    private const string InsertMetric =
        "INSERT INTO metrics (task_run_id, position, execution_id, name, type, value, tags_json) " +
        "VALUES (@id, @position, @execution_id, @name, @type, @value, @tags_json)";

    private const string InsertValue =
        "INSERT INTO foreach_values (task_run_id, idx, value) SELECT @id, ordinality - 1, v FROM unnest(@values) WITH ORDINALITY AS t(v, ordinality) " +
        "ON CONFLICT (task_run_id, idx) DO UPDATE SET value = excluded.value";

    /// <summary>
    /// Writes a task run at change sequence <paramref name="seq"/> inside the caller's transaction (inserted at version 0,
    /// else updated only while the stored version is still that one); returns it as stored. Throws
    /// <see cref="ConcurrencyConflictException"/> when another writer came first. Metrics only when <paramref name="withMetrics"/>.
    /// </summary>
    public static async Task<TaskRun> SaveAsync(PgSession session, TaskRun taskRun, long seq, CancellationToken cancellationToken, bool withMetrics = true)
    {
        if (taskRun.Version == 0)
        {
            if (await Bind(session.Sql(Insert), taskRun, seq).ExecuteAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                throw new ConcurrencyConflictException(
                    $"Task run '{taskRun.TaskId}' (parent {taskRun.ParentTaskRunId ?? "none"}, iteration {taskRun.Iteration?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}) " +
                    $"of execution {taskRun.ExecutionId} already exists.");
            }
        }
        else if (await Bind(session.Sql(UpdateVersioned), taskRun, seq).Bind("@expected", taskRun.Version).ExecuteAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            throw new ConcurrencyConflictException(
                $"Task run {taskRun.Id} ('{taskRun.TaskId}') changed since version {taskRun.Version} was read.");
        }

        await SaveDependentsAsync(session, taskRun, withMetrics, cancellationToken).ConfigureAwait(false);
        return taskRun with { Version = seq };
    }

    /// <summary>Inserts or replaces a task run whatever its stored version (tools and tests), at change sequence <paramref name="seq"/>.</summary>
    public static async Task OverwriteAsync(PgSession session, TaskRun taskRun, long seq, CancellationToken cancellationToken)
    {
        await Bind(session.Sql(Upsert), taskRun, seq).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        await SaveDependentsAsync(session, taskRun, withMetrics: true, cancellationToken).ConfigureAwait(false);
    }

    private static PgStatement Bind(PgStatement statement, TaskRun taskRun, long seq) => statement
        .Bind("@id", taskRun.Id)
        .Bind("@execution_id", taskRun.ExecutionId)
        .Bind("@task_id", taskRun.TaskId)
        .Bind("@parent_task_run_id", taskRun.ParentTaskRunId)
        .Bind("@value", taskRun.Value)
        .Bind("@iteration", taskRun.Iteration)
        .Bind("@state", taskRun.State.ToName())
        .Bind("@attempts_json", StoredJson.WriteAttempts(taskRun.Attempts))
        .Bind("@outputs_json", PlainJson.Serialize(taskRun.Outputs))
        .Bind("@decision_json", StoredJson.WriteDecision(taskRun.Decision))
        .Bind("@created_at", taskRun.CreatedAt)
        .Bind("@end_date", taskRun.EndDate)
        .Bind("@next_attempt_at", taskRun.NextAttemptAt)
        .Bind("@change_seq", seq)
        .Bind("@output_path_json", StoredJson.WriteTexts(taskRun.OutputPath))
        .Bind("@progress_json", StoredJson.WriteProgress(taskRun.Progress))
        .Bind("@quiet", taskRun.Quiet);

    private static async Task SaveDependentsAsync(PgSession session, TaskRun taskRun, bool withMetrics, CancellationToken cancellationToken)
    {
        if (withMetrics)
        {
            await session.Sql(DeleteMetrics).Bind("@id", taskRun.Id).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < taskRun.Metrics.Count; i++)
            {
                var metric = taskRun.Metrics[i];
                if (double.IsNaN(metric.Value))
                {
                    // As on SQLite: the protocol's JSON cannot carry NaN, so this is a caller's bug.
                    throw new ArgumentException($"Metric '{metric.Name}' of task run '{taskRun.Id}' is NaN; a metric value must be a number.", nameof(taskRun));
                }

                await session.Sql(InsertMetric).Bind("@id", taskRun.Id).Bind("@execution_id", taskRun.ExecutionId).Bind("@position", i)
                    .Bind("@name", metric.Name).Bind("@type", metric.Type.ToName()).Bind("@value", metric.Value)
                    .Bind("@tags_json", StoredJson.WriteTags(metric.Tags)).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (taskRun.Decision?.Values is { Count: > 0 } values)
        {
            // One statement for every value: a ForEach over 10,000 items is one round trip.
            await session.Sql(InsertValue).Bind("@id", taskRun.Id).Bind("@values", values.ToArray()).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static TaskRun Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        ExecutionId = reader.GetString(1),
        TaskId = reader.GetString(2),
        ParentTaskRunId = reader.GetStringOrNull(3),
        Value = reader.GetStringOrNull(4),
        Iteration = reader.GetInt32OrNull(5),
        State = States.Parse(reader.GetString(6)),
        Attempts = StoredJson.ReadAttempts(reader.GetString(7)),
        Outputs = ExecutionRows.ReadMap(reader.GetString(8)),
        Decision = StoredJson.ReadDecision(reader.GetStringOrNull(9)),
        CreatedAt = reader.GetDate(10),
        EndDate = reader.GetDateOrNull(11),
        NextAttemptAt = reader.GetDateOrNull(12),
        Version = reader.GetInt64(13),
        OutputPath = StoredJson.ReadTexts(reader.GetStringOrNull(14)),
        Progress = StoredJson.ReadProgress(reader.GetStringOrNull(15)),
        Quiet = reader.GetBoolean(16),
    };

    public static (string TaskRunId, MetricEntry Metric) ReadMetric(NpgsqlDataReader reader) =>
        MetricTypes.TryParse(reader.GetString(2), out var type)
            ? (reader.GetString(0), new MetricEntry(reader.GetString(1), type, reader.GetDouble(3), StoredJson.ReadTags(reader.GetString(4))))
            : throw new InvalidDataException($"Stored metric type '{reader.GetString(2)}' is not counter, timer or gauge.");
}
