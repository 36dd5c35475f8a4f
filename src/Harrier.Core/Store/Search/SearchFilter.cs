namespace Harrier.Core.Store.Search;

/// <summary>
/// One condition of a search: <paramref name="Field"/> (Kestra's field name: <c>namespace</c>, <c>flowId</c>, <c>state</c>,
/// <c>startDate</c>, <c>labels</c>…) compared by <paramref name="Operation"/> with <paramref name="Values"/> (one value
/// except for In/NotIn). Label filters name the label in <see cref="Key"/>. Dates are ISO-8601 texts.
/// </summary>
public sealed record SearchFilter(string Field, FilterOperation Operation, IReadOnlyList<string> Values)
{
    public SearchFilter(string field, FilterOperation operation, string value)
        : this(field, operation, [value])
    {
    }

    /// <summary>The label a <c>labels</c> filter reads (null: the filter's value is <c>key:value</c>).</summary>
    public string? Key { get; init; }

    public string Value => Values.Count > 0 ? Values[0] : "";
}
