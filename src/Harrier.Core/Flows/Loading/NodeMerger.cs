using Harrier.Core.Yaml;

namespace Harrier.Core.Flows.Loading;

/// <summary>Deep merge of YAML maps for plugin defaults: maps merge key by key, anything else is replaced.</summary>
internal static class NodeMerger
{
    /// <summary>Merges <paramref name="defaults"/> under <paramref name="node"/>; with <paramref name="forced"/> the defaults win.</summary>
    public static YMapping Merge(YMapping node, YMapping defaults, bool forced)
    {
        var entries = new List<YEntry>(node.Entries.Count + defaults.Entries.Count);
        foreach (var entry in node.Entries)
        {
            var fromDefaults = defaults.Find(entry.Key.Value);
            entries.Add(fromDefaults is null ? entry : new YEntry(entry.Key, MergeValue(entry.Value, fromDefaults.Value, forced)));
        }

        foreach (var entry in defaults.Entries)
        {
            if (node.Find(entry.Key.Value) is null)
            {
                entries.Add(entry);
            }
        }

        return node with { Entries = entries };
    }

    private static YNode MergeValue(YNode own, YNode fromDefaults, bool forced) => (own, fromDefaults) switch
    {
        (YMapping ownMap, YMapping defaultMap) => Merge(ownMap, defaultMap, forced),
        _ => forced ? fromDefaults : own,
    };
}
