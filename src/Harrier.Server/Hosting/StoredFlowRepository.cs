using Harrier.Core.Flows;
using Harrier.Core.Store.Flows;

namespace Harrier.Server.Hosting;

/// <summary>The flows deployed in the store (the server's): a Subflow starts the revision it names, or the latest one.</summary>
public sealed class StoredFlowRepository(IFlowStore store) : IFlowRepository
{
    public string Where => "among the flows deployed here (deploy it with 'harrier flow deploy' or POST /api/v1/main/flows)";

    public async Task<FlowDefinition?> FindAsync(string ns, string id, int? revision, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(ns, id, revision, allowDeleted: false, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        return HarrierHost.CreateFlowLoader().Load(stored.Source, $"{ns}.{id}.yml").Flow is { } flow ? flow with { Revision = stored.Revision } : null;
    }
}
