using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Metrics;
using Harrier.Core.Store;
using Harrier.Persistence.Json;

namespace Harrier.Persistence.Postgres;

/// <summary>Executions, task runs and metrics in PostgreSQL. Each call is one transaction, committed before it returns.</summary>
public sealed class PostgresExecutionStore(PostgresDatabase database, TimeProvider time) : IExecutionStore
{
    public Task CreateExecutionAsync(Execution execution, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var now = time.GetUtcNow();
            await ExecutionRows.InsertNewAsync(session, execution, now, cancellationToken).ConfigureAwait(false);
            await WakeupRows.WakeAsync(session, execution.Id, now, cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    public Task<IReadOnlyList<FlowLabel>?> AddLabelsAsync(string executionId, IReadOnlyList<FlowLabel> labels, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<FlowLabel>?>(async session =>
        {
            if (await session.Sql("SELECT labels_json FROM executions WHERE id = @id FOR UPDATE").Bind("@id", executionId)
                    .ScalarAsync(cancellationToken).ConfigureAwait(false) is not string json)
            {
                return null;
            }

            var merged = StoredJson.ReadLabels(json).ToList();
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

            await session.Sql("UPDATE executions SET labels_json = @labels WHERE id = @id").Bind("@id", executionId)
                .Bind("@labels", StoredJson.WriteLabels(merged)).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return merged;
        }, cancellationToken);

    public Task<Execution?> GetExecutionAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(session => ExecutionRows.ReadAsync(session, id, cancellationToken), cancellationToken);

    public Task<string?> GetFlowSourceAsync(string flowSourceId, CancellationToken cancellationToken) =>
        database.ReadAsync(async session => await session.Sql(ExecutionRows.SelectSource).Bind("@id", flowSourceId)
            .ScalarAsync(cancellationToken).ConfigureAwait(false) as string, cancellationToken);

    public Task<IReadOnlyList<Execution>> ListExecutionsAsync(ExecutionQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        // Only the filters given become conditions (fixed fragments, values still parameters). Newest first; row_seq breaks
        // ties between executions created in the same instant (later insert first).
        var conditions = new List<string>(3);
        if (query.Namespace is not null)
        {
            conditions.Add("namespace = @namespace");
        }

        if (query.FlowId is not null)
        {
            conditions.Add("flow_id = @flow_id");
        }

        if (query.State is not null)
        {
            conditions.Add("state = @state");
        }

        if (query.ParentExecutionId is not null)
        {
            conditions.Add("parent_execution_id = @parent_execution_id");
        }

        var sql = "SELECT " + ExecutionRows.Columns + " FROM executions" +
            (conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions)) +
            " ORDER BY created_at DESC, row_seq DESC LIMIT @limit";
        return database.ReadAsync<IReadOnlyList<Execution>>(async session =>
        {
            var statement = session.Sql(sql).Bind("@limit", query.Limit);
            if (query.Namespace is not null)
            {
                statement.Bind("@namespace", query.Namespace);
            }

            if (query.FlowId is not null)
            {
                statement.Bind("@flow_id", query.FlowId);
            }

            if (query.State is { } state)
            {
                statement.Bind("@state", state.ToName());
            }

            if (query.ParentExecutionId is not null)
            {
                statement.Bind("@parent_execution_id", query.ParentExecutionId);
            }

            return await statement.ReadAllAsync(ExecutionRows.Read, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task SaveTaskRunAsync(TaskRun taskRun, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var seq = await ChangeSequence.TakeAsync(session, taskRun.ExecutionId, cancellationToken).ConfigureAwait(false);
            await TaskRunRows.OverwriteAsync(session, taskRun, seq, cancellationToken).ConfigureAwait(false);
            return 1;
        }, cancellationToken);

    public Task<TaskRun?> GetTaskRunAsync(string id, CancellationToken cancellationToken) =>
        database.SnapshotAsync(async session =>
        {
            if (await session.Sql(TaskRunRows.SelectById).Bind("@id", id).ReadOneAsync(TaskRunRows.Read, cancellationToken).ConfigureAwait(false) is not { } taskRun)
            {
                return null;
            }

            var metrics = await session.Sql(TaskRunRows.SelectMetricsByTaskRun).Bind("@id", id)
                .ReadAllAsync(TaskRunRows.ReadMetric, cancellationToken).ConfigureAwait(false);
            return metrics.Count == 0 ? taskRun : taskRun with { Metrics = [.. metrics.Select(m => m.Metric)] };
        }, cancellationToken);

    public Task<IReadOnlyList<TaskRun>> GetTaskRunsAsync(string executionId, CancellationToken cancellationToken) =>
        database.SnapshotAsync<IReadOnlyList<TaskRun>>(async session =>
        {
            var metricsByRun = new Dictionary<string, List<MetricEntry>>(StringComparer.Ordinal);
            foreach (var (taskRunId, metric) in await session.Sql(TaskRunRows.SelectMetricsByExecution).Bind("@execution_id", executionId)
                         .ReadAllAsync(TaskRunRows.ReadMetric, cancellationToken).ConfigureAwait(false))
            {
                if (!metricsByRun.TryGetValue(taskRunId, out var list))
                {
                    metricsByRun[taskRunId] = list = [];
                }

                list.Add(metric);
            }

            var taskRuns = await session.Sql(TaskRunRows.SelectByExecution).Bind("@execution_id", executionId)
                .ReadAllAsync(TaskRunRows.Read, cancellationToken).ConfigureAwait(false);
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
        database.SnapshotAsync(async session =>
        {
            if (await ExecutionRows.ReadAsync(session, executionId, cancellationToken).ConfigureAwait(false) is not { } execution)
            {
                return null;
            }

            // Quiet runs come only when they changed, unless the execution is being killed: the pass kills the ones not
            // started, so it reads every unfinished run then.
            var unfinishedSql = session.Sql(execution.KillRequestedAt is null ? TaskRunRows.SelectUnfinishedLoud : TaskRunRows.SelectUnfinished)
                .Bind("@execution_id", executionId);
            var unfinished = await unfinishedSql.ReadAllAsync(TaskRunRows.Read, cancellationToken).ConfigureAwait(false);
            var changed = await session.Sql(TaskRunRows.SelectChangedSince).Bind("@execution_id", executionId).Bind("@after", execution.PlannedSeq)
                .ReadAllAsync(TaskRunRows.Read, cancellationToken).ConfigureAwait(false);
            var wakeCount = await session.Sql(WakeupRows.SelectCount).Bind("@id", executionId).ReadAllAsync(r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
            return new PlanningRead(execution, unfinished, changed) { WakeCount = wakeCount.Count == 1 ? wakeCount[0] : null };
        }, cancellationToken);

    public Task<IReadOnlyList<TaskRun>> FindTaskRunsAsync(string executionId, IReadOnlyCollection<TaskRunKey> keys, CancellationToken cancellationToken) =>
        database.SnapshotAsync<IReadOnlyList<TaskRun>>(async session =>
        {
            var found = new List<TaskRun>(keys.Count);
            foreach (var key in keys)
            {
                found.AddRange(await session.Sql(TaskRunRows.SelectByIdentity).Bind("@execution_id", executionId).Bind("@task_id", key.TaskId)
                    .Bind("@parent", key.ParentTaskRunId ?? "").Bind("@iteration", key.Iteration ?? -1)
                    .ReadAllAsync(TaskRunRows.Read, cancellationToken).ConfigureAwait(false));
            }

            return found;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> GetForEachValuesAsync(string taskRunId, int from, int count, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(async session => await session.Sql(TaskRunRows.SelectValues).Bind("@id", taskRunId)
            .Bind("@from", from).Bind("@until", (long)from + count).ReadAllAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false), cancellationToken);

    public Task<IReadOnlyList<TaskRun>> GetTaskRunsWithOutputsAsync(string executionId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<TaskRun>>(async session => await session.Sql(TaskRunRows.SelectWithOutputs).Bind("@execution_id", executionId)
            .ReadAllAsync(TaskRunRows.Read, cancellationToken).ConfigureAwait(false), cancellationToken);
}
