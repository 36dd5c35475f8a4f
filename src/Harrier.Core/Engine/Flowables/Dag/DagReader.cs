using Harrier.Core.Yaml;

namespace Harrier.Core.Engine.Flowables.Dag;

/// <summary>
/// Reads a Dag's <c>dependsOn</c> lists and checks them as Kestra does, but at load: every dependency names a task of
/// the same Dag, a task does not depend on itself, and there is no cycle. Each problem is reported at the
/// <c>dependsOn</c> entry that causes it.
/// </summary>
internal static class DagReader
{
    public static DagSpec Read(FlowableSource source)
    {
        var ids = source.ChildList("tasks").Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var dependsOn = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var positions = new Dictionary<string, YNode>(StringComparer.Ordinal);
        var items = source.Node["tasks"] as YSequence;
        for (var i = 0; items is not null && i < items.Items.Count; i++)
        {
            if (items.Items[i] is not YMapping item || (item["task"] as YMapping)?["id"] is not YScalar { IsNull: false } id)
            {
                continue;
            }

            dependsOn[id.Value] = ReadDependencies(source, item["dependsOn"], $"tasks[{i}].dependsOn", id.Value, ids);
            positions[id.Value] = item["dependsOn"] ?? item;
        }

        foreach (var id in ids.Where(id => !dependsOn.ContainsKey(id)))
        {
            dependsOn[id] = [];
        }

        if (FindCycle(dependsOn) is { } cycle)
        {
            source.Error(positions[cycle[0]], $"tasks[{IndexOf(items, cycle[0])}].dependsOn", $"the dependencies form a cycle: {string.Join(" -> ", cycle)}; a Dag must be acyclic");
        }

        return new DagSpec(Math.Max(0, source.Integer("concurrent", 0)), dependsOn);
    }

    private static List<string> ReadDependencies(FlowableSource source, YNode? node, string path, string taskId, HashSet<string> ids)
    {
        var dependencies = new List<string>();
        switch (node)
        {
            case null or YScalar { IsNull: true }:
                return dependencies;
            case YSequence list:
                for (var j = 0; j < list.Items.Count; j++)
                {
                    if (list.Items[j] is not YScalar { IsNull: false } dependency)
                    {
                        source.Error(list.Items[j], $"{path}[{j}]", $"must be a task id, found {list.Items[j].KindName}");
                    }
                    else if (dependency.Value == taskId)
                    {
                        source.Error(dependency, $"{path}[{j}]", $"task '{taskId}' cannot depend on itself");
                    }
                    else if (!ids.Contains(dependency.Value))
                    {
                        source.Error(dependency, $"{path}[{j}]", $"'{dependency.Value}' is not a task of this Dag; dependsOn names ids among: {string.Join(", ", ids.Order(StringComparer.Ordinal))}");
                    }
                    else
                    {
                        dependencies.Add(dependency.Value);
                    }
                }

                return dependencies;
            default:
                source.Error(node, path, $"must be a list of task ids, found {node.KindName}");
                return dependencies;
        }
    }

    /// <summary>A cycle as the ids along it, first id repeated at the end; null when the graph is acyclic.</summary>
    private static List<string>? FindCycle(IReadOnlyDictionary<string, IReadOnlyList<string>> dependsOn)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1: on the path, 2: done
        var path = new List<string>();
        foreach (var start in dependsOn.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        // Iterative depth-first search: a Dag's size is input-controlled, so recursion depth must not be.
        List<string>? Visit(string start)
        {
            var stack = new Stack<(string Id, int Next)>();
            if (state.ContainsKey(start))
            {
                return null;
            }

            stack.Push((start, 0));
            state[start] = 1;
            path.Add(start);
            while (stack.Count > 0)
            {
                var (id, next) = stack.Pop();
                var dependencies = dependsOn.GetValueOrDefault(id) ?? [];
                if (next >= dependencies.Count)
                {
                    state[id] = 2;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                stack.Push((id, next + 1));
                var dependency = dependencies[next];
                switch (state.GetValueOrDefault(dependency))
                {
                    case 1:
                        return [.. path.Skip(path.IndexOf(dependency)), dependency];
                    case 0:
                        state[dependency] = 1;
                        path.Add(dependency);
                        stack.Push((dependency, 0));
                        break;
                }
            }

            return null;
        }
    }

    private static int IndexOf(YSequence? items, string id)
    {
        for (var i = 0; items is not null && i < items.Items.Count; i++)
        {
            if (items.Items[i] is YMapping item && (item["task"] as YMapping)?["id"] is YScalar scalar && scalar.Value == id)
            {
                return i;
            }
        }

        return 0;
    }
}
