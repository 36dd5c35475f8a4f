using Harrier.Core.Flows;
using Harrier.Core.Store.Triggers;
using Harrier.Core.Triggers;
using Harrier.Server.Api.Errors;
using Harrier.Server.Api.Flows;
using Harrier.Server.Scheduling;

namespace Harrier.Server.Api.Triggers;

/// <summary>
/// Changes a trigger's state for the API: reads it, applies the change, writes it back with a compare-and-set on its
/// version (read again and redone when the scheduler or another call wrote in between), then wakes the scheduler so the
/// change takes effect at once. A trigger the scheduler has not registered yet gets its row here.
/// </summary>
public sealed class TriggerChanges(FlowCatalog flows, ITriggerStore store, ScheduleLoop scheduler)
{
    private const int Attempts = 10;

    public async Task<(TriggerState State, TriggerDefinition Definition)> ChangeAsync(
        TriggerKey key, Func<TriggerState, TriggerModel, TriggerState> change, CancellationToken cancellationToken)
    {
        var (flow, definition) = await FindAsync(key, cancellationToken).ConfigureAwait(false);
        var model = definition.Model!;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var stored = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            var current = stored ?? new TriggerState(key, model.Type, new DeployedTrigger(flow, model).Fingerprint);
            var next = change(current, model);
            var refused = await store.WriteAsync([new TriggerWrite(next, stored?.Version)], cancellationToken).ConfigureAwait(false);
            if (refused.Count == 0)
            {
                // The answer is what this call wrote: read back (for the store's own fields) before the scheduler is woken,
                // and kept only if it is still this write's version — a scheduler that already moved on (a backfill of past
                // slots can end within milliseconds) would otherwise answer a backfill request with no backfill.
                var written = next with { Version = (stored?.Version ?? 0) + 1 };
                var reread = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
                scheduler.Wake();
                return (reread is { } same && same.Version == written.Version ? same : written, definition);
            }

            // The scheduler wrote in between (a backfill fires slot after slot): back off a little longer each time, so its
            // tight loop cannot win every race against this call (about 2 s in all before giving up).
            await Task.Delay(TimeSpan.FromMilliseconds(5 * (attempt + 1) * (attempt + 1)), cancellationToken).ConfigureAwait(false);
        }

        throw ApiException.Conflict($"trigger {key} keeps changing under this call (the scheduler is firing it); try again");
    }

    /// <summary>The trigger as the latest revision of its flow declares it; 404 when the flow or the trigger is not there.</summary>
    public async Task<(FlowDefinition Flow, TriggerDefinition Definition)> FindAsync(TriggerKey key, CancellationToken cancellationToken)
    {
        var flow = await flows.GetExecutableAsync(key.Namespace, key.FlowId, null, cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"Flow of trigger {key.TriggerId} not found: there is no flow {key.Namespace}.{key.FlowId}");
        var definition = flow.Triggers.FirstOrDefault(t => t.Id == key.TriggerId)
            ?? throw ApiException.NotFound($"Flow {key.Namespace}.{key.FlowId} has no trigger {key.TriggerId}");
        return definition.Model is null
            ? throw ApiException.IllegalArgument($"trigger {key.TriggerId} is a {definition.Type}, which Harrier's scheduler does not run; it cannot be changed through the API")
            : (flow, definition);
    }
}
