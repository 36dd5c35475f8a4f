using Harrier.Core.Executions;
using Harrier.Core.Metrics;
using Harrier.Core.Store;
using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>Executions, task runs and metrics in SQLite. Each call is one transaction, committed before it returns.</summary>
public sealed class SqliteExecutionStore(SqliteDatabase database, TimeProvider time) : IExecutionStore
{
    public Task CreateExecutionAsync(Execution execution, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            var now = time.GetUtcNow();
            ExecutionRows.InsertNew(write, execution, now);
            WakeupRows.Wake(write, execution.Id, now);
            return 0;
        }, cancellationToken);

    public Task<IReadOnlyList<Core.Flows.FlowLabel>?> AddLabelsAsync(string executionId, IReadOnlyList<Core.Flows.FlowLabel> labels, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<Core.Flows.FlowLabel>?>(write =>
        {
            if (write.Command("SELECT labels_json FROM executions WHERE id = @id").Bind("@id", executionId).ExecuteScalar() is not string json)
            {
                return null;
            }

            var merged = Json.StoredJson.ReadLabels(json).ToList();
            foreach (var label in labels)
            {
                var at = merged.FindIndex(l => l.Key == label.Key);
                if (at >= 0)
                {
                    merged[at] = label;
                }
                else
                {
                    merged.Add(label);
                }
            }

            write.Command("UPDATE executions SET labels_json = @labels WHERE id = @id").Bind("@id", executionId).Bind("@labels", Json.StoredJson.WriteLabels(merged)).ExecuteNonQuery();
            return merged;
        }, cancellationToken);

    public Task<Execution?> GetExecutionAsync(string id, CancellationToken cancellationToken) =>
        database.QueryAsync(read => ReadExecution(read, id), cancellationToken);

    public Task<string?> GetFlowSourceAsync(string flowSourceId, CancellationToken cancellationToken) =>
        database.QueryAsync(read => read.Command(ExecutionRows.SelectSource).Bind("@id", flowSourceId).ExecuteScalar() as string, cancellationToken);

    public Task<IReadOnlyList<Execution>> ListExecutionsAsync(ExecutionQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        return database.ReadAsync<IReadOnlyList<Execution>>(connection =>
        {
            // Only the filters given become conditions (fixed fragments, values still parameters), so SQLite can
            // walk the (namespace, flow_id, created_at) or (created_at) index backwards and stop at the limit.
            // Newest first; rowid breaks ties between executions created in the same instant (later insert first).
            var conditions = new List<string>(3);
            using var command = SqliteCommands.Create(connection, null, "");
            if (query.Namespace is not null)
            {
                conditions.Add("namespace = @namespace");
                command.Bind("@namespace", query.Namespace);
            }

            if (query.FlowId is not null)
            {
                conditions.Add("flow_id = @flow_id");
                command.Bind("@flow_id", query.FlowId);
            }

            if (query.State is { } state)
            {
                conditions.Add("state = @state");
                command.Bind("@state", state.ToName());
            }

            if (query.ParentExecutionId is not null)
            {
                conditions.Add("parent_execution_id = @parent_execution_id");
                command.Bind("@parent_execution_id", query.ParentExecutionId);
            }

            command.CommandText = "SELECT " + ExecutionRows.Columns + " FROM executions" +
                (conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions)) +
                " ORDER BY created_at DESC, rowid DESC LIMIT @limit";
            command.Bind("@limit", query.Limit);
            using var reader = command.ExecuteReader();
            var executions = new List<Execution>();
            while (reader.Read())
            {
                executions.Add(ExecutionRows.Read(reader));
            }

            return executions;
        }, cancellationToken);
    }

    public Task SaveTaskRunAsync(TaskRun taskRun, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            TaskRunRows.Overwrite(write, taskRun, ChangeSequence.Take(write, taskRun.ExecutionId));
            return 1;
        }, cancellationToken);

    public Task<TaskRun?> GetTaskRunAsync(string id, CancellationToken cancellationToken) =>
        database.QueryAsync(read => read.Snapshot(() =>
        {
            TaskRun taskRun;
            using (var reader = read.Command(TaskRunRows.SelectById).Bind("@id", id).ExecuteReader())
            {
                if (!reader.Read())
                {
                    return null;
                }

                taskRun = TaskRunRows.Read(reader);
            }

            using var metricReader = read.Command(TaskRunRows.SelectMetricsByTaskRun).Bind("@id", id).ExecuteReader();
            var list = TaskRunRows.ReadMetrics(metricReader).Select(row => row.Metric).ToList();
            return list.Count == 0 ? taskRun : taskRun with { Metrics = list };
        }), cancellationToken);

    public Task<IReadOnlyList<TaskRun>> GetTaskRunsAsync(string executionId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<TaskRun>>(connection =>
        {
            // One read transaction so task runs and metrics come from the same snapshot.
            using var transaction = connection.BeginTransaction(deferred: true);
            var metricsByRun = new Dictionary<string, List<MetricEntry>>(StringComparer.Ordinal);
            using (var metrics = SqliteCommands.Create(connection, transaction, TaskRunRows.SelectMetricsByExecution))
            using (var metricReader = metrics.Bind("@execution_id", executionId).ExecuteReader())
            {
                foreach (var (taskRunId, metric) in TaskRunRows.ReadMetrics(metricReader))
                {
                    if (!metricsByRun.TryGetValue(taskRunId, out var list))
                    {
                        metricsByRun[taskRunId] = list = [];
                    }

                    list.Add(metric);
                }
            }

            using var command = SqliteCommands.Create(connection, transaction, TaskRunRows.SelectByExecution);
            var taskRuns = TaskRunRows.ReadAll(command.Bind("@execution_id", executionId));
            for (var i = 0; i < taskRuns.Count; i++)
            {
                if (metricsByRun.TryGetValue(taskRuns[i].Id, out var list))
                {
                    taskRuns[i] = taskRuns[i] with { Metrics = list };
                }
            }

            return taskRuns;
        }, cancellationToken);

    public Task<PlanningRead?> ReadForPlanningAsync(string executionId, CancellationToken cancellationToken) =>
        database.QueryAsync(read => read.Snapshot(() =>
        {
            // One snapshot: the execution's change_seq and the task runs agree.
            if (ReadExecution(read, executionId) is not { } execution)
            {
                return null;
            }

            // Quiet runs come only when they changed, unless the execution is being killed: the pass kills the ones not
            // started, so it reads every unfinished run then.
            var unfinished = read.Command(execution.KillRequestedAt is null ? TaskRunRows.SelectUnfinishedLoud : TaskRunRows.SelectUnfinished)
                .Bind("@execution_id", executionId);
            return new PlanningRead(
                execution,
                TaskRunRows.ReadAll(unfinished),
                TaskRunRows.ReadAll(read.Command(TaskRunRows.SelectChangedSince).Bind("@execution_id", executionId).Bind("@after", execution.PlannedSeq)))
            {
                WakeCount = read.Command(WakeupRows.SelectCount).Bind("@id", executionId).ExecuteScalar() is long count ? count : null,
            };
        }), cancellationToken);

    public Task<IReadOnlyList<TaskRun>> FindTaskRunsAsync(string executionId, IReadOnlyCollection<TaskRunKey> keys, CancellationToken cancellationToken) =>
        database.QueryAsync<IReadOnlyList<TaskRun>>(read => read.Snapshot(() =>
        {
            var command = read.Command(TaskRunRows.SelectByIdentity);
            command.Parameters.AddWithValue("@execution_id", executionId);
            var task = command.Parameters.Add("@task_id", SqliteType.Text);
            var parent = command.Parameters.Add("@parent", SqliteType.Text);
            var iteration = command.Parameters.Add("@iteration", SqliteType.Integer);
            var found = new List<TaskRun>(keys.Count);
            foreach (var key in keys)
            {
                task.Value = key.TaskId;
                parent.Value = key.ParentTaskRunId ?? "";
                iteration.Value = key.Iteration ?? -1;
                found.AddRange(TaskRunRows.ReadAll(command));
            }

            return (IReadOnlyList<TaskRun>)found;
        }), cancellationToken);

    public Task<IReadOnlyList<string>> GetForEachValuesAsync(string taskRunId, int from, int count, CancellationToken cancellationToken) =>
        database.QueryAsync<IReadOnlyList<string>>(read =>
        {
            using var reader = read.Command(TaskRunRows.SelectValues).Bind("@id", taskRunId).Bind("@from", from).Bind("@until", (long)from + count).ExecuteReader();
            var values = new List<string>(count);
            while (reader.Read())
            {
                values.Add(reader.GetString(0));
            }

            return values;
        }, cancellationToken);

    public Task<IReadOnlyList<TaskRun>> GetTaskRunsWithOutputsAsync(string executionId, CancellationToken cancellationToken) =>
        database.QueryAsync<IReadOnlyList<TaskRun>>(read => TaskRunRows.ReadAll(read.Command(TaskRunRows.SelectWithOutputs).Bind("@execution_id", executionId)), cancellationToken);

    private static Execution? ReadExecution(SqliteRead read, string id)
    {
        using var reader = read.Command(ExecutionRows.SelectById).Bind("@id", id).ExecuteReader();
        return reader.Read() ? ExecutionRows.Read(reader) : null;
    }
}
