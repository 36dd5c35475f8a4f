using Harrier.Core.Flows;
using Harrier.Core.Store.Triggers;
using Harrier.Server.Api.Flows;
using Microsoft.Extensions.Logging;

namespace Harrier.Server.Scheduling;

/// <summary>
/// The triggers of every deployed flow (latest revisions, undeleted), read again only when the store's flow-change counter
/// moves — whichever process deployed. A revision that no longer loads is left out with a warning, once.
/// </summary>
public sealed partial class TriggerCatalog(ITriggerStore store, FlowLoader loader, ILogger logger)
{
    private readonly Dictionary<(string Namespace, string Id, int Revision), FlowDefinition?> _loaded = [];
    private long _seen = -1;

    public IReadOnlyList<DeployedTrigger> Triggers { get; private set; } = [];

    /// <summary>Reloads when flows changed since the last call; true when it did.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var changes = await store.FlowChangesAsync(cancellationToken).ConfigureAwait(false);
        if (changes == _seen)
        {
            return false;
        }

        var sources = await store.ListTriggerFlowsAsync(cancellationToken).ConfigureAwait(false);
        var triggers = new List<DeployedTrigger>();
        var keep = new HashSet<(string, string, int)>();
        foreach (var source in sources)
        {
            var key = (source.Namespace, source.FlowId, source.Revision);
            keep.Add(key);
            if (!_loaded.TryGetValue(key, out var flow))
            {
                flow = Load(source);
                _loaded[key] = flow;
            }

            if (flow is not null)
            {
                triggers.AddRange(flow.Triggers.Where(t => t.Model is not null).Select(t => new DeployedTrigger(flow, t.Model!)));
            }
        }

        foreach (var gone in _loaded.Keys.Where(k => !keep.Contains(k)).ToList())
        {
            _loaded.Remove(gone);
        }

        Triggers = triggers;
        _seen = changes;
        return true;
    }

    public DeployedTrigger? Find(TriggerKey key) => Triggers.FirstOrDefault(t => t.Key == key);

    private FlowDefinition? Load(TriggerFlowSource source)
    {
        var loaded = loader.Load(source.Source, $"{source.Namespace}.{source.FlowId}");
        if (loaded.Flow is not { } flow)
        {
            LogUnloadable(logger, source.Namespace, source.FlowId, source.Revision, string.Join("; ", loaded.Diagnostics.Select(FlowDiagnostics.Format)));
            return null;
        }

        return flow with { Revision = source.Revision, SourceFile = $"{source.Namespace}.{source.FlowId}" };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The triggers of flow {Namespace}.{FlowId} revision {Revision} are ignored: it no longer loads ({Problems}); deploy a fixed revision")]
    private static partial void LogUnloadable(ILogger logger, string @namespace, string flowId, int revision, string problems);
}
