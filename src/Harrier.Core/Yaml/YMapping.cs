namespace Harrier.Core.Yaml;

/// <summary>A YAML mapping, in document order. Keys are unique (the reader reports duplicates).</summary>
public sealed record YMapping(IReadOnlyList<YEntry> Entries, SourcePosition Position) : YNode(Position)
{
    public override string KindName => "a map";

    public YNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key.Value == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    public YEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry;
            }
        }

        return null;
    }

    public override object? ToPlain()
    {
        var map = new Dictionary<string, object?>(Entries.Count, StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            map[entry.Key.Value] = entry.Value.ToPlain();
        }

        return map;
    }
}
