using System.Collections;

namespace Harrier.Core.Expressions;

/// <summary>Presents a non-generic list (arrays of value types, List&lt;long&gt;…) as a list of values.</summary>
internal sealed class ListView(IList inner) : IReadOnlyList<object?>
{
    public object? this[int index] => ExpressionValues.Normalize(inner[index]);

    public int Count => inner.Count;

    public IEnumerator<object?> GetEnumerator()
    {
        foreach (var item in inner)
        {
            yield return ExpressionValues.Normalize(item);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
