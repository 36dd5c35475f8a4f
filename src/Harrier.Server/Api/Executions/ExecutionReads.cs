using Harrier.Server.Api.Errors;
using Harrier.Server.Hosting;

namespace Harrier.Server.Api.Executions;

/// <summary>An execution read from the store in Kestra's shape, with its task runs (404 when there is none).</summary>
public static class ExecutionReads
{
    public static async Task<ApiExecution> GetAsync(HarrierHost host, ServerContext server, string executionId, CancellationToken cancellationToken, string? url = null)
    {
        var execution = await host.Store.Executions.GetExecutionAsync(executionId, cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"there is no execution {executionId}");
        var taskRuns = await host.Store.Executions.GetTaskRunsAsync(executionId, cancellationToken).ConfigureAwait(false);
        return ApiExecutions.From(execution, taskRuns, server.Time.GetUtcNow(), url);
    }
}
