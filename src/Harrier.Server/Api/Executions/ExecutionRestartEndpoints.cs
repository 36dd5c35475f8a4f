using Harrier.Core.Executions;
using Harrier.Core.Executions.Restarts;
using Harrier.Core.Flows;
using Harrier.Server.Api.Errors;
using Harrier.Server.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Harrier.Server.Api.Executions;

/// <summary>
/// Restart (failed tasks run again as a new attempt of the same execution, successful ones kept), replay (a new
/// execution of the same flow revision with the same inputs) and resume. Harrier has no Pause task yet, so no execution
/// is ever PAUSED: resume answers 409, as Kestra does for an execution that is not paused.
/// </summary>
public static class ExecutionRestartEndpoints
{
    public static void Map(RouteGroupBuilder executions)
    {
        executions.MapPost("/{executionId}/restart", RestartAsync).Produces<ApiExecution>()
            .WithSummary("Run the failed tasks of a FAILED or KILLED execution again (new attempts), keeping what succeeded");
        executions.MapPost("/{executionId}/replay", ReplayAsync).Produces<ApiExecution>()
            .WithSummary("A new execution of the same flow revision with the same inputs");
        executions.MapPost("/{executionId}/resume", ResumeAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Resume a paused execution (409 when it is not paused)");
    }

    private static async Task<IResult> RestartAsync(string executionId, HarrierHost host, ServerContext server, CancellationToken ct)
    {
        var (execution, flow) = await LoadAsync(host, executionId, ct);
        var taskRuns = await host.Store.Executions.GetTaskRunsAsync(executionId, ct);
        var decision = RestartPlanner.Plan(flow, execution, taskRuns);
        if (decision.Restart is not { } restart)
        {
            throw ApiException.Conflict(decision.Refusal!);
        }

        if (!await host.Store.Restarts.RestartAsync(restart, ct))
        {
            throw ApiException.Conflict($"execution {executionId} changed while it was being restarted; read it again and retry");
        }

        return TypedResults.Ok(await ExecutionReads.GetAsync(host, server, executionId, ct));
    }

    private static async Task<IResult> ReplayAsync(string executionId, HarrierHost host, ServerContext server, CancellationToken ct, [FromQuery] string? taskRunId = null)
    {
        if (taskRunId is not null)
        {
            throw ApiException.IllegalArgument("replaying from a task run is not supported yet; replay the whole execution (without taskRunId), or restart it to run its failed tasks again");
        }

        var (execution, flow) = await LoadAsync(host, executionId, ct);
        // The labels are the original execution's, correlation id included: a replay belongs to the same story.
        var replay = await host.Engine.SubmitAsync(flow with { Labels = execution.Labels }, execution.Inputs, CancellationToken.None);
        return TypedResults.Ok(ExecutionReads.Render(host, server, replay, null, server.ExecutionUrl(replay.Namespace, replay.FlowId, replay.Id)));
    }

    private static async Task<IResult> ResumeAsync(string executionId, HarrierHost host, CancellationToken ct)
    {
        var execution = await host.Store.Executions.GetExecutionAsync(executionId, ct) ?? throw ApiException.NotFound($"there is no execution {executionId}");
        throw ApiException.Conflict($"execution {executionId} is {execution.State.ToName()}, not PAUSED; only a paused execution can be resumed");
    }

    /// <summary>The execution and the flow document it ran (the revision it started with, whatever is deployed now).</summary>
    private static async Task<(Execution Execution, FlowDefinition Flow)> LoadAsync(HarrierHost host, string executionId, CancellationToken ct)
    {
        var execution = await host.Store.Executions.GetExecutionAsync(executionId, ct) ?? throw ApiException.NotFound($"there is no execution {executionId}");
        var source = execution.FlowSourceId is { } sourceId ? await host.Store.Executions.GetFlowSourceAsync(sourceId, ct) : execution.FlowSource;
        var loaded = HarrierHost.CreateFlowLoader().Load(source ?? "", execution.FlowFile);
        return loaded.Flow is { } flow
            ? (execution, flow with { Revision = execution.FlowRevision })
            : throw ApiException.Conflict($"the flow document execution {executionId} ran no longer loads in this Harrier; it cannot be run again");
    }
}
