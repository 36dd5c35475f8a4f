using System.Text.Json;
using Harrier.Core.Executions;
using Harrier.Core.Executions.Restarts;
using Harrier.Core.Store;
using Harrier.Server.Api.Errors;
using Harrier.Server.Hosting;

namespace Harrier.Server.Api.Executions;

/// <summary>
/// Kestra's bulk actions on a list of execution ids (the body, a JSON array): kill (<c>DELETE /kill/by-ids</c>) and restart
/// (<c>POST /restart/by-ids</c>). As in Kestra, every id is checked first and nothing is done when one cannot be acted on:
/// the answer is then 400 with Kestra's BulkErrorResponse (<c>{message, invalids:[{message, invalidValue}]}</c>; Kestra's
/// OpenAPI says 422, its code answers 400). Otherwise 200 with <c>{count}</c>, the number of executions acted on.
/// </summary>
public static class ExecutionBulkEndpoints
{
    public static void Map(RouteGroupBuilder executions)
    {
        executions.MapDelete("/kill/by-ids", KillAsync).Accepts<List<string>>("application/json").Produces<ApiBulkResponse>()
            .Produces<ApiBulkErrorResponse>(StatusCodes.Status400BadRequest).WithSummary("Kill a list of executions (400 naming the ended or unknown ones, none killed then)");
        executions.MapPost("/restart/by-ids", RestartAsync).Accepts<List<string>>("application/json").Produces<ApiBulkResponse>()
            .Produces<ApiBulkErrorResponse>(StatusCodes.Status400BadRequest).WithSummary("Restart a list of executions (400 naming those that cannot be restarted, none restarted then)");
    }

    private static async Task<IResult> KillAsync(HttpRequest request, HarrierHost host, CancellationToken ct)
    {
        var ids = await ReadIdsAsync(request, ct);
        var invalids = new List<ApiBulkInvalid>();
        foreach (var id in ids)
        {
            if (await KillRefusalAsync(host, id, ct) is { } invalid)
            {
                invalids.Add(invalid);
            }
        }

        return invalids.Count > 0
            ? TypedResults.BadRequest(new ApiBulkErrorResponse("invalid bulk kill", invalids))
            : TypedResults.Ok(new ApiBulkResponse(await KillAllAsync(host, ids, ct)));
    }

    private static async Task<IResult> RestartAsync(HttpRequest request, HarrierHost host, CancellationToken ct)
    {
        var ids = await ReadIdsAsync(request, ct);
        var invalids = new List<ApiBulkInvalid>();
        var restarts = new List<ExecutionRestart>();
        foreach (var id in ids)
        {
            var (restart, invalid) = await PlanRestartAsync(host, id, ct);
            if (restart is not null)
            {
                restarts.Add(restart);
            }
            else
            {
                invalids.Add(invalid!);
            }
        }

        return invalids.Count > 0
            ? TypedResults.BadRequest(new ApiBulkErrorResponse("invalid bulk restart", invalids))
            : TypedResults.Ok(new ApiBulkResponse(await RestartAllAsync(host, restarts, ct)));
    }

    /// <summary>Why execution <paramref name="id"/> cannot be killed (unknown, or ended), or null when it can be.</summary>
    internal static async Task<ApiBulkInvalid?> KillRefusalAsync(HarrierHost host, string id, CancellationToken ct)
    {
        var execution = await host.Store.Executions.GetExecutionAsync(id, ct);
        if (execution is null)
        {
            return new ApiBulkInvalid("execution not found", id);
        }

        return execution.State.IsTerminal() ? new ApiBulkInvalid($"execution already finished ({execution.State.ToName()})", id) : null;
    }

    /// <summary>
    /// Requests the kill of every id and counts those requested. An execution that ended between the check and its kill
    /// request is not counted: there was nothing left to kill.
    /// </summary>
    internal static async Task<int> KillAllAsync(HarrierHost host, IEnumerable<string> ids, CancellationToken ct)
    {
        var count = 0;
        foreach (var id in ids)
        {
            if (await host.Engine.KillAsync(id, ct) is KillRequestOutcome.Requested or KillRequestOutcome.AlreadyRequested)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The restart of execution <paramref name="id"/>, or why there is none (Harrier's own planner decides, so the reasons are the single restart's, e.g. "it is RUNNING").</summary>
    internal static async Task<(ExecutionRestart? Restart, ApiBulkInvalid? Invalid)> PlanRestartAsync(HarrierHost host, string id, CancellationToken ct)
    {
        var execution = await host.Store.Executions.GetExecutionAsync(id, ct);
        if (execution is null)
        {
            return (null, new ApiBulkInvalid("execution not found", id));
        }

        if (await host.LoadFlowOfAsync(execution, ct) is not { } flow)
        {
            return (null, new ApiBulkInvalid("the flow document it ran no longer loads in this Harrier", id));
        }

        var decision = RestartPlanner.Plan(flow, execution, await host.Store.Executions.GetTaskRunsAsync(id, ct));
        return decision.Restart is { } restart ? (restart, null) : (null, new ApiBulkInvalid(decision.Refusal!, id));
    }

    /// <summary>Writes the restarts and counts them. A restart is a versioned write: one that lost a race with another change is not counted (and not retried).</summary>
    internal static async Task<int> RestartAllAsync(HarrierHost host, IEnumerable<ExecutionRestart> restarts, CancellationToken ct)
    {
        var count = 0;
        foreach (var restart in restarts)
        {
            if (await host.Store.Restarts.RestartAsync(restart, ct))
            {
                count++;
            }
        }

        return count;
    }

    private static async Task<IReadOnlyList<string>> ReadIdsAsync(HttpRequest request, CancellationToken ct)
    {
        List<string?>? ids;
        try
        {
            ids = await JsonSerializer.DeserializeAsync<List<string?>>(request.Body, ApiJson.Options, ct);
        }
        catch (JsonException ex)
        {
            throw ApiException.BadRequest($"the body must be a JSON array of execution ids, e.g. [\"4ZuFJ9…\", \"7HtQ…\"]: {ex.Message}");
        }

        return ids is { Count: > 0 } && ids.All(id => !string.IsNullOrEmpty(id))
            ? [.. ids.Select(id => id!).Distinct(StringComparer.Ordinal)]
            : throw ApiException.BadRequest("the body must be a non-empty JSON array of execution ids");
    }
}
