using Harrier.Core.Flows;

namespace Harrier.Core.Engine.Flowables.ForEachItem;

/// <summary>
/// Kestra expands a ForEachItem <c>each</c> into hidden tasks, and flows read their outputs: <c>each_items</c>
/// (<c>numberOfBatches</c>, <c>iterations</c>) and <c>each_merge</c> (<c>subflowOutputs</c>). Harrier keeps those outputs
/// on <c>each</c> (the merged file as <c>uri</c>); these aliases make Kestra's expressions read the same values.
/// A task really named <c>each_items</c> or <c>each_merge</c> keeps its own outputs.
/// </summary>
internal static class ItemOutputAliases
{
    public static Dictionary<string, object?> Add(FlowDefinition flow, Dictionary<string, object?> outputs)
    {
        foreach (var (id, value) in outputs.ToList())
        {
            if (flow.FindTask(id) is { Type: ForEachItemType.Type })
            {
                outputs.TryAdd(id + "_items", value);
                outputs.TryAdd(id + "_merge", Merge(value));
            }
        }

        return outputs;
    }

    /// <summary>Inside a ForEach the outputs are keyed by value, a level per loop: the renaming happens at the runs' own outputs.</summary>
    private static object? Merge(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> run when run.ContainsKey("numberOfBatches") =>
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["subflowOutputs"] = run.GetValueOrDefault("uri") },
        IReadOnlyDictionary<string, object?> level => level.ToDictionary(e => e.Key, e => Merge(e.Value), StringComparer.Ordinal),
        _ => value,
    };
}
