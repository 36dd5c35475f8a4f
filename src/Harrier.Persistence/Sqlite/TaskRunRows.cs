using Harrier.Core.Executions;
using Harrier.Core.Json;
using Harrier.Core.Metrics;
using Harrier.Persistence.Json;
using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>SQL and row mapping of task runs and their metrics.</summary>
internal static class TaskRunRows
{
    public const string Columns =
        "id, execution_id, task_id, parent_task_run_id, value, iteration, state, attempts_json, outputs_json, decision_json, created_at, end_date, next_attempt_at";

    public const string SelectById = "SELECT " + Columns + " FROM task_runs WHERE id = @id";

    public const string SelectByExecution = "SELECT " + Columns + " FROM task_runs WHERE execution_id = @execution_id ORDER BY ordinal";

    public const string SelectMetricsByTaskRun =
        "SELECT task_run_id, name, type, value, tags_json FROM metrics WHERE task_run_id = @id ORDER BY position";

    public const string SelectMetricsByExecution =
        "SELECT task_run_id, name, type, value, tags_json FROM metrics WHERE execution_id = @execution_id ORDER BY task_run_id, position";

    // The ordinal is taken on first insert only; an update keeps the run's place in creation order.
    private const string Upsert =
        "INSERT INTO task_runs (ordinal, " + Columns + ") VALUES (" +
        "(SELECT COALESCE(MAX(ordinal), -1) + 1 FROM task_runs WHERE execution_id = @execution_id), " +
        "@id, @execution_id, @task_id, @parent_task_run_id, @value, @iteration, @state, @attempts_json, @outputs_json, @decision_json, @created_at, @end_date, @next_attempt_at) " +
        "ON CONFLICT (id) DO UPDATE SET execution_id = excluded.execution_id, task_id = excluded.task_id, " +
        "parent_task_run_id = excluded.parent_task_run_id, value = excluded.value, iteration = excluded.iteration, state = excluded.state, " +
        "attempts_json = excluded.attempts_json, outputs_json = excluded.outputs_json, decision_json = excluded.decision_json, " +
        "created_at = excluded.created_at, end_date = excluded.end_date, next_attempt_at = excluded.next_attempt_at";

    private const string DeleteMetrics = "DELETE FROM metrics WHERE task_run_id = @id";

    private const string InsertMetric =
        "INSERT INTO metrics (task_run_id, position, execution_id, name, type, value, tags_json) " +
        "VALUES (@id, @position, @execution_id, @name, @type, @value, @tags_json)";

    /// <summary>Writes the task run and replaces its metrics, inside the caller's transaction.</summary>
    public static void Save(SqliteWrite write, TaskRun taskRun)
    {
        write.Command(Upsert)
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
            .ExecuteNonQuery();
        write.Command(DeleteMetrics).Bind("@id", taskRun.Id).ExecuteNonQuery();

        if (taskRun.Metrics.Count == 0)
        {
            return;
        }

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
    };

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
