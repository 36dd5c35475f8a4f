using System.Collections;

namespace Harrier.Core.Expressions;

/// <summary>
/// Copies a non-generic dictionary (YAML parsers produce Dictionary&lt;object, object&gt;) into a string-keyed
/// map, keeping its enumeration order.
/// </summary>
internal static class LegacyDictionaryView
{
    public static IReadOnlyDictionary<string, object?> Create(IDictionary inner)
    {
        var map = new Dictionary<string, object?>(inner.Count, StringComparer.Ordinal);
        foreach (DictionaryEntry entry in inner)
        {
            map[ExpressionValues.ToText(entry.Key)] = entry.Value;
        }

        return map;
    }
}
