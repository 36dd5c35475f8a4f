using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Harrier.Core.Expressions;

/// <summary>Presents an IDictionary&lt;string, object?&gt; that is not read-only-typed as a map value.</summary>
internal sealed class DictionaryView(IDictionary<string, object?> inner) : IReadOnlyDictionary<string, object?>
{
    public object? this[string key] => inner[key];

    public IEnumerable<string> Keys => inner.Keys;

    public IEnumerable<object?> Values => inner.Values;

    public int Count => inner.Count;

    public bool ContainsKey(string key) => inner.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => inner.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => inner.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
