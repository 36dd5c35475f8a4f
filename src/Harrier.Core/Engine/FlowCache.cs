using System.Collections.Concurrent;
using Harrier.Core.Executions;
using Harrier.Core.Flows;

namespace Harrier.Core.Engine;

/// <summary>
/// The parsed flow of each running execution. Executions carry their flow's source, so the executor and
/// every worker run exactly the flow that was submitted; parsing happens once per execution per process.
/// </summary>
public sealed class FlowCache(FlowLoader loader)
{
    private readonly ConcurrentDictionary<string, FlowDefinition> _flows = new(StringComparer.Ordinal);

    public FlowDefinition Get(Execution execution) => _flows.GetOrAdd(execution.Id, _ => Load(execution));

    public void Add(Execution execution, FlowDefinition flow) => _flows[execution.Id] = flow;

    public void Remove(string executionId) => _flows.TryRemove(executionId, out _);

    private FlowDefinition Load(Execution execution)
    {
        var result = loader.Load(execution.FlowSource, execution.FlowFile);
        return result.Flow ?? throw new InvalidOperationException(
            $"The flow stored with execution {execution.Id} no longer loads: {string.Join("; ", result.Diagnostics)}");
    }
}
