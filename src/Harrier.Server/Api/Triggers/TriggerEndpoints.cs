using Harrier.Core.Flows;
using Harrier.Core.Store.Triggers;
using Harrier.Core.Triggers;
using Harrier.Core.Triggers.Schedules;
using Harrier.Server.Api.Errors;
using Harrier.Server.Api.Flows;
using Harrier.Server.Api.Search;
using Harrier.Server.Hosting;

namespace Harrier.Server.Api.Triggers;

/// <summary>
/// Kestra's triggers API over the scheduler's state: search, the triggers of a flow, enable/disable, backfills (start,
/// pause, resume, delete), unlock and restart. Harrier's triggers hold no lock (every scheduler write is a compare-and-set
/// in the transaction that fires), so unlock has nothing to release and answers the trigger as it is.
/// </summary>
public static class TriggerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var triggers = api.MapGroup("/triggers").WithTags("Triggers");
        triggers.MapGet("/search", SearchAsync).Produces<ApiPage<ApiTriggerItem>>().WithSummary("Search triggers");
        triggers.MapGet("/{namespace}/{flowId}", ByFlowAsync).Produces<ApiPage<ApiTriggerContext>>().WithSummary("The triggers of one flow");
        triggers.MapPut("", UpdateAsync).Produces<ApiTriggerContext>()
            .WithSummary("Enable or disable a trigger ({namespace, flowId, triggerId, disabled}), or start a backfill ({…, backfill: {start, end, inputs, labels}})");
        triggers.MapPut("/backfill/pause", (HttpRequest r, TriggerChanges c, CancellationToken ct) => BackfillAsync(r, c, b => b with { Paused = true }, ct))
            .Produces<ApiTriggerContext>().WithSummary("Pause a trigger's backfill");
        triggers.MapPut("/backfill/unpause", (HttpRequest r, TriggerChanges c, CancellationToken ct) => BackfillAsync(r, c, b => b with { Paused = false }, ct))
            .Produces<ApiTriggerContext>().WithSummary("Resume a trigger's paused backfill");
        triggers.MapPost("/backfill/delete", (HttpRequest r, TriggerChanges c, CancellationToken ct) => BackfillAsync(r, c, _ => null, ct))
            .Produces<ApiTriggerContext>().WithSummary("Stop and forget a trigger's backfill");
        triggers.MapPost("/{namespace}/{flowId}/{triggerId}/unlock", UnlockAsync).Produces<ApiTriggerContext>()
            .WithSummary("Unlock a trigger (Harrier's triggers never stay locked: answers the trigger as it is)");
        triggers.MapPost("/{namespace}/{flowId}/{triggerId}/restart", RestartAsync).Produces<ApiTriggerContext>()
            .WithSummary("Clear a trigger's last error and evaluate it again now");
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, HarrierHost host, ServerContext server, FlowCatalog flows, CancellationToken ct)
    {
        var query = SearchRequest.Read(request, server.Time, TriggerSearch.Legacy);
        var listed = await ListAsync(host.Store.Triggers, flows, ct);
        var matching = TriggerSearch.Sort(listed.Select(l => l.Context).Where(c => TriggerSearch.Matches(c, query.Filters)), query.Sort).ToList();
        var definitions = listed.ToDictionary(l => l.Context, l => l.Definition);
        var page = matching.Skip((int)Math.Min(query.Offset, int.MaxValue)).Take(query.Size)
            .Select(c => new ApiTriggerItem(definitions[c].Node.ToPlain() as IReadOnlyDictionary<string, object?>, c)).ToList();
        return TypedResults.Ok(new ApiPage<ApiTriggerItem>(page, matching.Count));
    }

    private static async Task<IResult> ByFlowAsync(string @namespace, string flowId, HttpRequest request, HarrierHost host, ServerContext server, FlowCatalog flows, CancellationToken ct)
    {
        var query = SearchRequest.Read(request, server.Time, TriggerSearch.Legacy);
        var listed = await ListAsync(host.Store.Triggers, flows, ct);
        var matching = TriggerSearch.Sort(listed.Select(l => l.Context).Where(c => c.Namespace == @namespace && c.FlowId == flowId && TriggerSearch.Matches(c, query.Filters)), query.Sort).ToList();
        return TypedResults.Ok(new ApiPage<ApiTriggerContext>([.. matching.Skip((int)Math.Min(query.Offset, int.MaxValue)).Take(query.Size)], matching.Count));
    }

    private static async Task<IResult> UpdateAsync(HttpRequest request, TriggerChanges changes, ServerContext server, CancellationToken ct)
    {
        var body = await TriggerRequest.ReadAsync(request, ct);
        if (body.Backfill is { } backfill)
        {
            var now = server.Time.GetUtcNow();
            var end = backfill.End ?? now;
            if (end > now)
            {
                throw ApiException.Invalid("'backfill.end' is in the future: a backfill runs slots that were missed; later ones fire on schedule", "backfill.end");
            }

            if (backfill.Start >= end)
            {
                throw ApiException.Invalid($"'backfill.start' ({backfill.Start:O}) must be before its end ({end:O})", "backfill.start");
            }

            var (state, definition) = await changes.ChangeAsync(body.Key, (current, model) =>
            {
                if (model is not ScheduleTrigger)
                {
                    throw ApiException.IllegalArgument($"trigger {body.Key.TriggerId} is a {model.Type}; only Schedule triggers can be backfilled");
                }

                if (current.Backfill is not null)
                {
                    throw ApiException.Conflict($"trigger {body.Key} already runs a backfill (next slot {current.Backfill.Current:O}); delete it first (POST /triggers/backfill/delete)");
                }

                var started = ScheduleEvaluator.StartBackfill(model, backfill.Start, end)
                    ?? throw ApiException.Invalid($"the schedule of {body.Key.TriggerId} has no slot between {backfill.Start:O} and {end:O}", "backfill");
                return current with { Backfill = started with { Inputs = backfill.Inputs, Labels = backfill.Labels, Paused = backfill.Paused } };
            }, ct);
            return TypedResults.Ok(ApiTriggerContext.From(state, definition));
        }

        if (body.Disabled is not { } disabled)
        {
            throw ApiException.Invalid("give 'disabled' (true or false) to enable or disable the trigger, or 'backfill' to start a backfill", "disabled");
        }

        var (changed, changedDefinition) = await changes.ChangeAsync(body.Key, (current, _) => current with { Disabled = disabled }, ct);
        return TypedResults.Ok(ApiTriggerContext.From(changed, changedDefinition));
    }

    private static async Task<IResult> BackfillAsync(HttpRequest request, TriggerChanges changes, Func<TriggerBackfill, TriggerBackfill?> change, CancellationToken ct)
    {
        var body = await TriggerRequest.ReadAsync(request, ct);
        var (state, definition) = await changes.ChangeAsync(body.Key, (current, _) => current with
        {
            Backfill = change(current.Backfill ?? throw ApiException.BadRequest($"No backfill found: trigger {body.Key} runs no backfill")),
        }, ct);
        return TypedResults.Ok(ApiTriggerContext.From(state, definition));
    }

    private static async Task<IResult> UnlockAsync(string @namespace, string flowId, string triggerId, HarrierHost host, TriggerChanges changes, CancellationToken ct)
    {
        var key = new TriggerKey(@namespace, flowId, triggerId);
        var (_, definition) = await changes.FindAsync(key, ct);
        var state = await host.Store.Triggers.GetAsync(key, ct) ?? throw ApiException.NotFound($"trigger {key} has not been registered by the scheduler yet");
        return TypedResults.Ok(ApiTriggerContext.From(state, definition));
    }

    private static async Task<IResult> RestartAsync(string @namespace, string flowId, string triggerId, TriggerChanges changes, CancellationToken ct)
    {
        var (state, definition) = await changes.ChangeAsync(new TriggerKey(@namespace, flowId, triggerId), (current, _) => current with { LastError = null }, ct);
        return TypedResults.Ok(ApiTriggerContext.From(state, definition));
    }

    /// <summary>Every registered trigger whose flow still declares it (the scheduler forgets the others on its next pass).</summary>
    private static async Task<List<(ApiTriggerContext Context, TriggerDefinition Definition)>> ListAsync(ITriggerStore store, FlowCatalog flows, CancellationToken ct)
    {
        var listed = new List<(ApiTriggerContext, TriggerDefinition)>();
        var byFlow = new Dictionary<(string, string), FlowDefinition?>();
        foreach (var state in await store.ListAsync(ct))
        {
            var flowKey = (state.Key.Namespace, state.Key.FlowId);
            if (!byFlow.TryGetValue(flowKey, out var flow))
            {
                byFlow[flowKey] = flow = await flows.GetExecutableAsync(state.Key.Namespace, state.Key.FlowId, null, ct);
            }

            if (flow?.Triggers.FirstOrDefault(t => t.Id == state.Key.TriggerId) is { } definition)
            {
                listed.Add((ApiTriggerContext.From(state, definition), definition));
            }
        }

        return listed;
    }
}
