using Harrier.Core.Executions.Restarts;
using Harrier.Core.Store.Search;
using Harrier.Server.Api.Search;
using Harrier.Server.Hosting;

namespace Harrier.Server.Api.Executions;

/// <summary>
/// Kestra's bulk actions on every execution a search matches: kill (<c>DELETE /kill/by-query</c>) and restart
/// (<c>POST /restart/by-query</c>), taking the parameters of <c>GET /executions/search</c> (<c>filters[…]</c> and the
/// legacy ones). The matching ids are read first (every page), then each is checked and acted on as by the by-ids actions.
/// Unlike Kestra — whose by-query hands the ids to its by-ids action and so refuses the whole batch with a 400 when one
/// match cannot be acted on — a match that cannot be killed or restarted (an ended execution for a kill, a running one for
/// a restart) is skipped, and the answer is 200 <c>{count, invalids}</c>: a filter wide enough to catch one ended
/// execution would otherwise never act at all, and a by-query client has no ids to retry without it.
/// </summary>
public static class ExecutionBulkQueryEndpoints
{
    public static void Map(RouteGroupBuilder executions)
    {
        executions.MapDelete("/kill/by-query", KillAsync).Produces<ApiBulkQueryResponse>()
            .WithSummary("Kill every execution the search filters match (the ended ones are skipped and listed in invalids)");
        executions.MapPost("/restart/by-query", RestartAsync).Produces<ApiBulkQueryResponse>()
            .WithSummary("Restart every execution the search filters match (those that cannot be restarted are skipped and listed in invalids)");
    }

    private static async Task<IResult> KillAsync(HttpRequest request, HarrierHost host, ServerContext server, CancellationToken ct)
    {
        var killable = new List<string>();
        var skipped = new List<ApiBulkInvalid>();
        foreach (var id in await MatchingIdsAsync(request, host, server, ct))
        {
            if (await ExecutionBulkEndpoints.KillRefusalAsync(host, id, ct) is { } invalid)
            {
                skipped.Add(invalid);
            }
            else
            {
                killable.Add(id);
            }
        }

        return TypedResults.Ok(new ApiBulkQueryResponse(await ExecutionBulkEndpoints.KillAllAsync(host, killable, ct), skipped));
    }

    private static async Task<IResult> RestartAsync(HttpRequest request, HarrierHost host, ServerContext server, CancellationToken ct)
    {
        var restarts = new List<ExecutionRestart>();
        var skipped = new List<ApiBulkInvalid>();
        foreach (var id in await MatchingIdsAsync(request, host, server, ct))
        {
            var (restart, invalid) = await ExecutionBulkEndpoints.PlanRestartAsync(host, id, ct);
            if (restart is not null)
            {
                restarts.Add(restart);
            }
            else
            {
                skipped.Add(invalid!);
            }
        }

        return TypedResults.Ok(new ApiBulkQueryResponse(await ExecutionBulkEndpoints.RestartAllAsync(host, restarts, ct), skipped));
    }

    /// <summary>
    /// The ids of every execution the request's search matches, read in full before anything is acted on: acting while
    /// paging would move executions between pages (a kill changes the state a filter may select on).
    /// </summary>
    private static async Task<IReadOnlyList<string>> MatchingIdsAsync(HttpRequest request, HarrierHost host, ServerContext server, CancellationToken ct)
    {
        var search = ExecutionEndpoints.ReadSearch(request, server.Time) with { Size = SearchRequest.MaxSize, Sort = [new SortOrder("startDate", false)] };
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var results = (await host.Store.ExecutionSearch.SearchAsync(search with { Page = page }, ct)).Results;
            ids.AddRange(results.Select(e => e.Id));
            if (results.Count < search.Size)
            {
                return [.. ids.Distinct(StringComparer.Ordinal)];
            }
        }
    }
}
