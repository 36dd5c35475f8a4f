using Harrier.Core.Metrics;
using Harrier.Server.Api.Errors;
using Harrier.Server.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Harrier.Server.Api.Metrics;

/// <summary>
/// Kestra's <c>GET /metrics/{executionId}</c> (page, size, taskRunId or taskId): the counters and timers the execution's
/// task runs reported, in Kestra's MetricEntry shape. Harrier keeps metrics on the task runs, so this reads them there,
/// in task-run order. Timers are in milliseconds, as Kestra answers them.
/// </summary>
public static class MetricEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var metrics = api.MapGroup("/metrics").WithTags("Metrics");
        metrics.MapGet("/{executionId}", ByExecutionAsync).Produces<ApiPage<ApiMetricEntry>>()
            .WithSummary("The metrics of one execution's task runs (taskRunId or taskId to narrow)");
    }

    private static async Task<IResult> ByExecutionAsync(string executionId, HarrierHost host, CancellationToken ct,
        [FromQuery] int page = 1, [FromQuery] int size = 10, [FromQuery] string? taskRunId = null, [FromQuery] string? taskId = null)
    {
        if (page < 1 || size < 1)
        {
            throw ApiException.BadRequest("page and size start at 1");
        }

        var execution = await host.Store.Executions.GetExecutionAsync(executionId, ct) ?? throw ApiException.NotFound($"there is no execution {executionId}");
        var runs = await host.Store.Executions.GetTaskRunsAsync(executionId, ct);
        var entries = runs
            .Where(r => (taskRunId is null || r.Id == taskRunId) && (taskId is null || r.TaskId == taskId))
            .SelectMany(r => r.Metrics.Select(m => new ApiMetricEntry
            {
                Namespace = execution.Namespace,
                FlowId = execution.FlowId,
                TaskId = r.TaskId,
                ExecutionId = executionId,
                TaskRunId = r.Id,
                Type = m.Type.ToName(),
                Name = m.Name,
                Value = m.Type == MetricType.Timer ? m.Value * 1000 : m.Value,
                Tags = m.Tags,
                Timestamp = r.EndDate ?? r.CreatedAt,
            }))
            .ToList();
        return TypedResults.Ok(new ApiPage<ApiMetricEntry>([.. entries.Skip((page - 1) * size).Take(size)], entries.Count));
    }
}
