using Harrier.Core.Executions;
using Harrier.Server.Api.Errors;
using Harrier.Server.Hosting;

namespace Harrier.Server.Api.Executions;

/// <summary>
/// Restart, replay and resume. Harrier has no Pause task yet, so no execution is ever PAUSED: resume answers 409 (as
/// Kestra does for an execution that is not paused) once the execution is found.
/// </summary>
public static class ExecutionRestartEndpoints
{
    public static void Map(RouteGroupBuilder executions)
    {
        executions.MapPost("/{executionId}/resume", ResumeAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Resume a paused execution (409 when it is not paused)");
    }

    private static async Task<IResult> ResumeAsync(string executionId, HarrierHost host, CancellationToken ct)
    {
        var execution = await host.Store.Executions.GetExecutionAsync(executionId, ct) ?? throw ApiException.NotFound($"there is no execution {executionId}");
        throw ApiException.Conflict($"execution {executionId} is {execution.State.ToName()}, not PAUSED; only a paused execution can be resumed");
    }
}
