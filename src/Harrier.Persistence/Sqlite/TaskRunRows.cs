using Harrier.Core.Executions;
using Harrier.Core.Json;
using Harrier.Core.Metrics;
using Harrier.Core.Store;
using Harrier.Persistence.Json;
using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>SQL and row mapping of task runs, their metrics and ForEach values.</summary>
internal static class TaskRunRows
{
    public const string Columns =
        "id, execution_id, task_id, parent_task_run_id, value, iteration, state, attempts_json, outputs_json, decision_json, created_at, " +
        "end_date, next_attempt_at, change_seq, output_path_json, progress_json, quiet";

    public const string SelectById = "SELECT " + Columns + " FROM task_runs WHERE id = @id";

    public const string SelectByExecution = "SELECT " + Columns + " FROM task_runs WHERE execution_id = @execution_id ORDER BY ordinal";

    // INDEXED BY: without statistics SQLite prefers the (execution_id, ordinal) index for the ORDER BY and scans every run
    // of the execution, which made each planning pass of a 1,000-step flow read the whole execution again.

    /// <summary>Through the partial index task_runs_unfinished (its condition repeated exactly).</summary>
    public const string SelectUnfinished =
        "SELECT " + Columns + " FROM task_runs INDEXED BY task_runs_unfinished WHERE execution_id = @execution_id AND state NOT IN " +
        ExecutionRows.TerminalStates + " AND superseded = 0 ORDER BY ordinal";

    /// <summary>
    /// <see cref="SelectUnfinished"/> without the quiet runs (see <c>TaskRun.Quiet</c>), through the partial index
    /// task_runs_unfinished_loud (its condition repeated exactly): the changed ones come with <see cref="SelectChangedSince"/>.
    /// </summary>
    public const string SelectUnfinishedLoud =
        "SELECT " + Columns + " FROM task_runs INDEXED BY task_runs_unfinished_loud WHERE execution_id = @execution_id AND state NOT IN " +
        ExecutionRows.TerminalStates + " AND quiet = 0 AND superseded = 0 ORDER BY ordinal";

    public const string SelectChangedSince =
        "SELECT " + Columns + " FROM task_runs WHERE execution_id = @execution_id AND change_seq > @after AND superseded = 0 ORDER BY ordinal";

    /// <summary>Through the partial index task_runs_with_outputs (its condition repeated exactly).</summary>
    public const string SelectWithOutputs =
        "SELECT " + Columns + " FROM task_runs INDEXED BY task_runs_with_outputs WHERE execution_id = @execution_id AND outputs_json <> '{}' " +
        "AND superseded = 0 ORDER BY ordinal";

    public const string SelectByIdentity =
        "SELECT " + Columns + " FROM task_runs WHERE execution_id = @execution_id AND task_id = @task_id " +
        "AND IFNULL(parent_task_run_id, '') = @parent AND IFNULL(iteration, -1) = @iteration AND superseded = 0";

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

    // The ordinal is taken on first insert only; an update keeps the run's place in creation order.
    private const string Insert =
        "INSERT INTO task_runs (ordinal, " + Columns + ") VALUES (" +
        "(SELECT COALESCE(MAX(ordinal), -1) + 1 FROM task_runs WHERE execution_id = @execution_id), " +
        "@id, @execution_id, @task_id, @parent_task_run_id, @value, @iteration, @state, @attempts_json, @outputs_json, @decision_json, @created_at, " +
        "@end_date, @next_attempt_at, @change_seq, @output_path_json, @progress_json, @quiet)";

    private const string UpdateVersioned = "UPDATE task_runs SET " + Fields + " WHERE id = @id AND change_seq = @expected";

    private const string Upsert = Insert + " ON CONFLICT (id) DO UPDATE SET " + Fields;

    private const string DeleteMetrics = "DELETE FROM metrics WHERE task_run_id = @id";

    private const string InsertMetric =
        "INSERT INTO metrics (task_run_id, position, execution_id, name, type, value, tags_json) " +
        "VALUES (@id, @position, @execution_id, @name, @type, @value, @tags_json)";

    private const string InsertValue = "INSERT OR REPLACE INTO foreach_values (task_run_id, idx, value) VALUES (@id, @idx, @value)";

    /// <summary>
    /// Writes a task run at change sequence <paramref name="seq"/> inside the caller's transaction: inserts it when its
    /// <see cref="TaskRun.Version"/> is 0, otherwise updates it only while the stored version is still that one.
    /// Returns the run as stored; throws <see cref="ConcurrencyConflictException"/> when another writer came first.
    /// Metrics are replaced only when <paramref name="withMetrics"/>: the planner reads runs without them and must not
    /// erase what a worker stored.
    /// </summary>
    public static TaskRun Save(SqliteWrite write, TaskRun taskRun, long seq, bool withMetrics = true)
    {
        if (taskRun.Version == 0)
        {
            try
            {
                Bind(write.Command(Insert), taskRun, seq).ExecuteNonQuery();
            }
            catch (SqliteException exception) when (exception.SqliteErrorCode == 19)
            {
                throw new ConcurrencyConflictException(
                    $"Task run '{taskRun.TaskId}' (parent {taskRun.ParentTaskRunId ?? "none"}, iteration {taskRun.Iteration?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}) " +
                    $"of execution {taskRun.ExecutionId} already exists.");
            }
        }
        else if (Bind(write.Command(UpdateVersioned), taskRun, seq).Bind("@expected", taskRun.Version).ExecuteNonQuery() != 1)
        {
            throw new ConcurrencyConflictException(
                $"Task run {taskRun.Id} ('{taskRun.TaskId}') changed since version {taskRun.Version} was read.");
        }

        SaveDependents(write, taskRun, withMetrics);
        return taskRun with { Version = seq };
    }

    /// <summary>Inserts or replaces a task run whatever its stored version (tools and tests), at change sequence <paramref name="seq"/>.</summary>
    public static void Overwrite(SqliteWrite write, TaskRun taskRun, long seq)
    {
        Bind(write.Command(Upsert), taskRun, seq).ExecuteNonQuery();
        SaveDependents(write, taskRun, withMetrics: true);
    }

    private static SqliteCommand Bind(SqliteCommand command, TaskRun taskRun, long seq) => command
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
        .Bind("@created_at", SqliteDates.ToText(taskRun.CreatedAt))
        .Bind("@end_date", SqliteDates.ToParameter(taskRun.EndDate))
        .Bind("@next_attempt_at", SqliteDates.ToParameter(taskRun.NextAttemptAt))
        .Bind("@change_seq", seq)
        .Bind("@output_path_json", StoredJson.WriteTexts(taskRun.OutputPath))
        .Bind("@progress_json", StoredJson.WriteProgress(taskRun.Progress))
        .Bind("@quiet", taskRun.Quiet ? 1 : 0);

    /// <summary>Replaces the run's metrics when asked, and stores the values of a ForEach decision made in this write.</summary>
    private static void SaveDependents(SqliteWrite write, TaskRun taskRun, bool withMetrics)
    {
        if (withMetrics)
        {
            write.Command(DeleteMetrics).Bind("@id", taskRun.Id).ExecuteNonQuery();
            if (taskRun.Metrics.Count > 0)
            {
                SaveMetrics(write, taskRun);
            }
        }

        if (taskRun.Decision?.Values is { Count: > 0 } values)
        {
            var insert = write.Command(InsertValue);
            var index = insert.Parameters.Add("@idx", SqliteType.Integer);
            var value = insert.Parameters.Add("@value", SqliteType.Text);
            insert.Bind("@id", taskRun.Id);
            for (var i = 0; i < values.Count; i++)
            {
                index.Value = i;
                value.Value = values[i];
                insert.ExecuteNonQuery();
            }
        }
    }

    private static void SaveMetrics(SqliteWrite write, TaskRun taskRun)
    {
        var insert = write.Command(InsertMetric);
        var position = insert.Parameters.Add("@position", SqliteType.Integer);
        var name = insert.Parameters.Add("@name", SqliteType.Text);
        var type = insert.Parameters.Add("@type", SqliteType.Text);
        var value = insert.Parameters.Add("@value", SqliteType.Real);
        var tags = insert.Parameters.Add("@tags_json", SqliteType.Text);
        insert.Bind("@id", taskRun.Id).Bind("@execution_id", taskRun.ExecutionId);
        for (var i = 0; i < taskRun.Metrics.Count; i++)
        {
            var metric = taskRun.Metrics[i];
            if (double.IsNaN(metric.Value))
            {
                // SQLite stores NaN as NULL; the protocol's JSON cannot carry NaN, so this is a caller's bug.
                throw new ArgumentException($"Metric '{metric.Name}' of task run '{taskRun.Id}' is NaN; a metric value must be a number.", nameof(taskRun));
            }

            position.Value = i;
            name.Value = metric.Name;
            type.Value = metric.Type.ToName();
            value.Value = metric.Value;
            tags.Value = StoredJson.WriteTags(metric.Tags);
            insert.ExecuteNonQuery();
        }
    }

    public static TaskRun Read(SqliteDataReader reader) => new()
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
        CreatedAt = SqliteDates.Parse(reader.GetString(10)),
        EndDate = SqliteDates.ParseOrNull(reader.GetStringOrNull(11)),
        NextAttemptAt = SqliteDates.ParseOrNull(reader.GetStringOrNull(12)),
        Version = reader.GetInt64(13),
        OutputPath = StoredJson.ReadTexts(reader.GetStringOrNull(14)),
        Progress = StoredJson.ReadProgress(reader.GetStringOrNull(15)),
        Quiet = reader.GetInt64(16) != 0,
    };

    /// <summary>Reads every row of <paramref name="command"/> as task runs.</summary>
    public static List<TaskRun> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var runs = new List<TaskRun>();
        while (reader.Read())
        {
            runs.Add(Read(reader));
        }

        return runs;
    }

    /// <summary>Reads metric rows as (task run id, metric), in stored order.</summary>
    public static IEnumerable<(string TaskRunId, MetricEntry Metric)> ReadMetrics(SqliteDataReader reader)
    {
        while (reader.Read())
        {
            if (!MetricTypes.TryParse(reader.GetString(2), out var type))
            {
                throw new InvalidDataException($"Stored metric type '{reader.GetString(2)}' is not counter, timer or gauge.");
            }

            yield return (reader.GetString(0), new MetricEntry(reader.GetString(1), type, reader.GetDouble(3), StoredJson.ReadTags(reader.GetString(4))));
        }
    }
}
