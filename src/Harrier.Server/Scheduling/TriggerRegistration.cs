using Harrier.Core.Flows;
using Harrier.Core.Store.Triggers;
using Harrier.Core.Triggers;

namespace Harrier.Server.Scheduling;

/// <summary>
/// Registers a deployed flow's Webhook and Flow triggers in the scheduler's state before the deployment answers, so a
/// Flow trigger hears every execution that ends after its flow was deployed (the outbox only records ends while a Flow
/// trigger is registered). Schedules are left to the scheduler, which decides their first slot. A row another writer
/// created first is kept as it is.
/// </summary>
public static class TriggerRegistration
{
    public static async Task RegisterAsync(ITriggerStore store, FlowDefinition flow, CancellationToken cancellationToken)
    {
        var writes = new List<TriggerWrite>();
        foreach (var model in flow.Triggers.Select(t => t.Model).OfType<TriggerModel>())
        {
            var deployed = new DeployedTrigger(flow, model);
            if (!deployed.IsScheduled && await store.GetAsync(deployed.Key, cancellationToken).ConfigureAwait(false) is null)
            {
                writes.Add(new TriggerWrite(new TriggerState(deployed.Key, model.Type, deployed.Fingerprint), null));
            }
        }

        if (writes.Count > 0)
        {
            await store.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        }
    }
}
