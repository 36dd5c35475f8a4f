using Harrier.Core.Executions;
using Harrier.Core.Metrics;
using Harrier.Core.Store;

namespace Harrier.Persistence.Sqlite;

/// <summary>Executions, task runs and metrics in SQLite. Each call is one transaction, committed before it returns.</summary>
public sealed class SqliteExecutionStore(SqliteDatabase database) : IExecutionStore
{
    public Task CreateExecutionAsync(Execution execution, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.Command(ExecutionRows.Insert).BindAll(execution).ExecuteNonQuery(), cancellationToken);

    public Task<Execution?> GetExecutionAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = SqliteCommands.Create(connection, null, "SELECT " + ExecutionRows.Columns + " FROM executions WHERE id = @id");
            using var reader = command.Bind("@id", id).ExecuteReader();
            return reader.Read() ? ExecutionRows.Read(reader) : null;
        }, cancellationToken);

    public Task UpdateExecutionAsync(Execution execution, CancellationToken cancellationToken) =>
        database.WriteAsync(write => ExecutionRows.UpdateExisting(write, execution), cancellationToken);

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
            TaskRunRows.Save(write, taskRun);
            return 1;
        }, cancellationToken);

    public Task SaveTaskRunsAsync(IReadOnlyList<TaskRun> taskRuns, CancellationToken cancellationToken) =>
        taskRuns.Count == 0 ? Task.CompletedTask : database.WriteAsync(write =>
        {
            foreach (var taskRun in taskRuns)
            {
                TaskRunRows.Save(write, taskRun);
            }

            return taskRuns.Count;
        }, cancellationToken);

    public Task<TaskRun?> GetTaskRunAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = SqliteCommands.Create(connection, null, TaskRunRows.SelectById);
            TaskRun taskRun;
            using (var reader = command.Bind("@id", id).ExecuteReader())
            {
                if (!reader.Read())
                {
                    return null;
                }

                taskRun = TaskRunRows.Read(reader);
            }

            using var metrics = SqliteCommands.Create(connection, null, TaskRunRows.SelectMetricsByTaskRun);
            using var metricReader = metrics.Bind("@id", id).ExecuteReader();
            var list = TaskRunRows.ReadMetrics(metricReader).Select(row => row.Metric).ToList();
            return list.Count == 0 ? taskRun : taskRun with { Metrics = list };
        }, cancellationToken);

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
            using var reader = command.Bind("@execution_id", executionId).ExecuteReader();
            var taskRuns = new List<TaskRun>();
            while (reader.Read())
            {
                var taskRun = TaskRunRows.Read(reader);
                taskRuns.Add(metricsByRun.TryGetValue(taskRun.Id, out var list) ? taskRun with { Metrics = list } : taskRun);
            }

            return taskRuns;
        }, cancellationToken);
}
