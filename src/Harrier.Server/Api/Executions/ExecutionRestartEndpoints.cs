using Harrier.Core.Executions;
using Harrier.Core.Engine.Flowables.Pause;
using Harrier.Core.Executions.Resumes;
using Harrier.Core.Executions.Replays;
using Harrier.Core.Executions.Restarts;
using Harrier.Core.Engine;
using Harrier.Server.Api.Flows;
using Harrier.Core.Store;
using Harrier.Core.Flows;
using Harrier.Server.Api.Errors;
using Harrier.Server.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Harrier.Server.Api.Executions;

/// <summary>
/// Restart (failed tasks run again as a new attempt of the same execution, successful ones kept), replay (a new
/// execution of the same flow revision with the same inputs, whole or from a task run — see <see cref="ReplayPlanner"/>) and resume (a PAUSED execution's Pause tasks go on, with the
/// form's fields as their <c>onResume</c> inputs; 409 when it is not paused, 422 naming the field when a value is invalid).
/// </summary>
public static class ExecutionRestartEndpoints
{
    public static void Map(RouteGroupBuilder executions)
    {
        executions.MapPost("/{executionId}/restart", RestartAsync).Produces<ApiExecution>()
            .WithSummary("Run the failed tasks of a FAILED or KILLED execution again (new attempts), keeping what succeeded");
        executions.MapPost("/{executionId}/replay", ReplayAsync).Produces<ApiExecution>()
            .WithSummary("A new execution of the same flow revision (or ?revision=) with the same inputs; with ?taskRunId=, the original's task runs before that one are kept and it runs again from there");
        executions.MapPost("/{executionId}/resume", ResumeAsync).Produces(StatusCodes.Status204NoContent).DisableAntiforgery()
            .WithSummary("Resume a paused execution, its onResume inputs as multipart fields (409 when it is not paused)");
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

    private static async Task<IResult> ReplayAsync(string executionId, HarrierHost host, ServerContext server, FlowCatalog catalog, CancellationToken ct,
        [FromQuery] string? taskRunId = null, [FromQuery] int? revision = null)
    {
        var (execution, ran) = await LoadAsync(host, executionId, ct);
        var flow = revision is null || revision == execution.FlowRevision
            ? ran
            : await catalog.GetExecutableAsync(execution.Namespace, execution.FlowId, revision, ct)
              ?? throw ApiException.NotFound($"flow {execution.Namespace}.{execution.FlowId} has no revision {revision}; revision must be one of its stored revisions");
        var replayer = new ExecutionReplayer(host.Store.Executions, host.Store.Restarts, host.Files, TimeProvider.System);
        Execution replay;
        if (taskRunId is null)
        {
            var replayId = Ids.New();
            var inputs = await replayer.InputsForWholeAsync(execution, replayId, ct);
            // The labels are the original execution's, correlation id included: a replay belongs to the same story.
            replay = await host.Engine.SubmitAsync(flow with { Labels = execution.Labels }, inputs, replayId, CancellationToken.None, draft => ReplayLineage.Carry(execution, draft));
        }
        else
        {
            var decision = await replayer.FromTaskRunAsync(execution, flow, taskRunId, CancellationToken.None);
            replay = decision.Replay?.Execution ?? throw ApiException.IllegalArgument(decision.Refusal!);
            host.Engine.ExecutionsCreated();
        }

        return TypedResults.Ok(await ExecutionReads.GetAsync(host, server, replay.Id, ct));
    }

    private static async Task<IResult> ResumeAsync(string executionId, HttpRequest request, HarrierHost host, CancellationToken ct)
    {
        var form = await ExecutionInputs.ReadAsync(request, ct);
        var (execution, flow) = await LoadAsync(host, executionId, ct);
        // File parts go where an execution's input files go, checked against the paused Pause tasks' onResume inputs.
        var onResume = (await host.Store.Executions.GetTaskRunsAsync(executionId, ct))
            .Where(run => run.State == State.Paused)
            .SelectMany(run => (flow.FindTask(run.TaskId)?.Flowable as PauseSpec)?.OnResume ?? [])
            .ToList();
        var problems = new List<ApiErrorItem>();
        var uploads = form.PlaceFiles(onResume, execution.Namespace, execution.FlowId, execution.Id, problems);
        if (problems.Count > 0)
        {
            throw ApiException.Invalid(problems);
        }

        var result = await host.Engine.ResumeAsync(execution, flow, form.Values, new FileFirstResumes(host, uploads), ct);
        if (result.Resumed)
        {
            return TypedResults.NoContent();
        }

        throw result.Outcome switch
        {
            null => ApiException.Invalid([.. result.Errors.Select(ExecutionInputs.Problem)]),
            ResumeOutcome.NotFound => ApiException.NotFound(result.Errors[0]),
            _ => ApiException.Conflict(result.Errors[0]),
        };
    }

    /// <summary>The execution and the flow document it ran (the revision it started with, whatever is deployed now).</summary>
    private static async Task<(Execution Execution, FlowDefinition Flow)> LoadAsync(HarrierHost host, string executionId, CancellationToken ct)
    {
        var execution = await host.Store.Executions.GetExecutionAsync(executionId, ct) ?? throw ApiException.NotFound($"there is no execution {executionId}");
        return await host.LoadFlowOfAsync(execution, ct) is { } flow
            ? (execution, flow)
            : throw ApiException.Conflict($"the flow document execution {executionId} ran no longer loads in this Harrier; it cannot be run again");
    }
}
