using System.Collections.Concurrent;
using Harrier.Core.Flows;
using Harrier.Core.Store.Flows;

namespace Harrier.Server.Api.Flows;

/// <summary>
/// The server's deployed flows: validation with the same loader as <c>harrier flow validate</c>, and the flows
/// executions start from. A stored revision never changes, so its loaded form is cached by (namespace, id, revision).
/// Saving goes through here so that a flow's Webhook and Flow triggers are registered before the deployment answers.
/// </summary>
public sealed class FlowCatalog(IFlowStore store, FlowLoader loader, Core.Store.Triggers.ITriggerStore? triggers = null)
{
    private const int CacheLimit = 1024;

    private readonly ConcurrentDictionary<(string Namespace, string Id, int Revision), FlowDefinition> _loaded = new();

    public IFlowStore Store { get; } = store;

    public FlowLoader Loader { get; } = loader;

    /// <summary>Loads a document sent to the API; <paramref name="label"/> stands for the file in messages.</summary>
    public FlowLoadResult Load(string source, string label = "flow.yml") => Loader.Load(source, label);

    public static FlowDocument Document(FlowDefinition flow, string source) => new(flow.Namespace, flow.Id, source, flow.Labels);

    /// <summary>Stores a revision of <paramref name="flow"/> and, when it was stored, registers its triggers.</summary>
    public async Task<FlowSaveResult> SaveAsync(FlowDefinition flow, string source, FlowSaveMode mode, CancellationToken cancellationToken)
    {
        var saved = await Store.SaveAsync(Document(flow, source), mode, cancellationToken).ConfigureAwait(false);
        if (saved.Flow is not null)
        {
            await RegisterTriggersAsync(flow, cancellationToken).ConfigureAwait(false);
        }

        return saved;
    }

    /// <summary>Registers the Webhook and Flow triggers of a stored flow (see <see cref="Scheduling.TriggerRegistration"/>).</summary>
    public Task RegisterTriggersAsync(FlowDefinition flow, CancellationToken cancellationToken) =>
        triggers is null || flow.Triggers.Count == 0 ? Task.CompletedTask : Scheduling.TriggerRegistration.RegisterAsync(triggers, flow, cancellationToken);

    /// <summary>
    /// The flow to run: the latest revision (or <paramref name="revision"/>) of an undeleted flow, with the stored revision
    /// number. Null when there is none; a stored document that no longer loads (a task type this build lacks) throws.
    /// </summary>
    public async Task<FlowDefinition?> GetExecutableAsync(string ns, string id, int? revision, CancellationToken cancellationToken)
    {
        var stored = await Store.GetAsync(ns, id, revision, allowDeleted: false, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        if (_loaded.TryGetValue((ns, id, stored.Revision), out var cached))
        {
            return cached;
        }

        var loaded = Loader.Load(stored.Source, $"{ns}.{id}");
        if (loaded.Flow is not { } flow)
        {
            throw new Errors.ApiException(StatusCodes.Status409Conflict, "Illegal state",
                $"flow {ns}.{id} revision {stored.Revision} no longer loads: {string.Join("; ", loaded.Diagnostics.Select(FlowDiagnostics.Format))}; deploy a fixed revision");
        }

        flow = flow with { Revision = stored.Revision, SourceFile = $"{ns}.{id}" };
        if (_loaded.Count >= CacheLimit)
        {
            _loaded.Clear();
        }

        _loaded[(ns, id, stored.Revision)] = flow;
        return flow;
    }
}
