using System.Collections.Concurrent;
using Harrier.Core.Executions;
using Harrier.Core.Flows;

namespace Harrier.Core.Engine;

/// <summary>
/// Parsed flows by source text. Executions carry their flow's source, so the executor and every worker run exactly the
/// flow that was submitted; many executions of one flow share one parse. An optimisation only: bounded, dropped
/// whole when full, and always equal to parsing the source again.
/// </summary>
public sealed class FlowCache(FlowLoader loader)
{
    private const int Capacity = 256;

    private readonly ConcurrentDictionary<(string Source, string File), FlowDefinition> _flows = new();

    public FlowDefinition Get(Execution execution) => _flows.GetOrAdd((execution.FlowSource, execution.FlowFile), _ => Load(execution));

    /// <summary>Remembers a flow parsed elsewhere (the submitter), under its source.</summary>
    public void Add(FlowDefinition flow)
    {
        if (_flows.Count >= Capacity)
        {
            _flows.Clear();
        }

        _flows[(flow.Source, flow.SourceFile)] = flow;
    }

    private FlowDefinition Load(Execution execution)
    {
        if (_flows.Count >= Capacity)
        {
            _flows.Clear();
        }

        var result = loader.Load(execution.FlowSource, execution.FlowFile);
        return result.Flow ?? throw new InvalidOperationException(
            $"The flow stored with execution {execution.Id} no longer loads: {string.Join("; ", result.Diagnostics)}");
    }
}
