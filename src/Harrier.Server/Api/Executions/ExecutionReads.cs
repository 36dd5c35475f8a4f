using Harrier.Core.Executions;
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
        return Render(host, server, execution, taskRuns, url);
    }

    /// <summary>An execution as every endpoint returns it: Kestra's shape, SECRET inputs masked in inputs and outputs.</summary>
    public static ApiExecution Render(HarrierHost host, ServerContext server, Execution execution, IReadOnlyList<TaskRun>? taskRuns, string? url = null) =>
        SecretOutputs.Mask(ApiExecutions.From(execution, taskRuns, server.Time.GetUtcNow(), url), execution.Inputs, host.Engine.Services.SecretCipher);
}
