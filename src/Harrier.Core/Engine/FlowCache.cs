using System.Collections.Concurrent;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Store;

namespace Harrier.Core.Engine;

/// <summary>
/// Parsed flows by flow document id. Executions carry their flow's document (stored once per distinct text), so the
/// executor and every worker run exactly the flow that was submitted; many executions of one flow share one parse, and
/// the document is read from the store only when a process meets it first. An optimisation only: bounded, dropped whole
/// when full, and always equal to reading and parsing the document again.
/// </summary>
public sealed class FlowCache(FlowLoader loader, IExecutionStore store)
{
    private const int Capacity = 256;

    private readonly ConcurrentDictionary<(string Key, string File), FlowDefinition> _flows = new();

    public async ValueTask<FlowDefinition> GetAsync(Execution execution, CancellationToken cancellationToken)
    {
        // Executions stored before document ids existed carry their text inline: cached by execution then.
        var key = (execution.FlowSourceId ?? "execution:" + execution.Id, execution.FlowFile);
        if (_flows.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var source = execution.FlowSource.Length > 0 || execution.FlowSourceId is null
            ? execution.FlowSource
            : await store.GetFlowSourceAsync(execution.FlowSourceId, cancellationToken).ConfigureAwait(false)
              ?? throw new InvalidOperationException($"The flow document {execution.FlowSourceId} of execution {execution.Id} is missing from the store.");
        var result = loader.Load(source, execution.FlowFile);
        var flow = result.Flow ?? throw new InvalidOperationException(
            $"The flow stored with execution {execution.Id} no longer loads: {string.Join("; ", result.Diagnostics)}");
        Remember(key, flow);
        return flow;
    }

    /// <summary>The flow of <paramref name="execution"/> when it is parsed already (no store read, no parse).</summary>
    public bool TryGet(Execution execution, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FlowDefinition? flow) =>
        _flows.TryGetValue((execution.FlowSourceId ?? "execution:" + execution.Id, execution.FlowFile), out flow);

    /// <summary>Remembers a flow parsed elsewhere (the submitter), under its document id.</summary>
    public void Add(FlowDefinition flow, string flowSourceId) => Remember((flowSourceId, flow.SourceFile), flow);

    private void Remember((string, string) key, FlowDefinition flow)
    {
        if (_flows.Count >= Capacity)
        {
            _flows.Clear();
        }

        _flows[key] = flow;
    }
}
