using System.Runtime.CompilerServices;

namespace Harrier.Core.Flows;

/// <summary>
/// Every task of a flow by id, built on first use and kept as long as the flow: workers look a task up for every attempt,
/// and a walk of a 5,000-task flow per attempt made a step's cost grow with the flow.
/// </summary>
internal static class TaskIndex
{
    private static readonly ConditionalWeakTable<FlowDefinition, Dictionary<string, TaskDefinition>> Indexes = [];

    public static Dictionary<string, TaskDefinition> Of(FlowDefinition flow) => Indexes.GetValue(flow, Build);

    private static Dictionary<string, TaskDefinition> Build(FlowDefinition flow)
    {
        var index = new Dictionary<string, TaskDefinition>(StringComparer.Ordinal);
        foreach (var task in flow.AllTasks())
        {
            // Validation refuses duplicate ids; should one slip through, the first wins, as the old linear search did.
            index.TryAdd(task.Id, task);
        }

        return index;
    }
}
