namespace Harrier.Core.Store.Search;

/// <summary>How a search filter compares a field with its values (Kestra's <c>QueryFilter.Op</c> names, in C# case).</summary>
public enum FilterOperation
{
    EqualTo,
    NotEqualTo,
    In,
    NotIn,
    Contains,
    StartsWith,
    EndsWith,

    /// <summary>A dotted prefix: <c>a.b</c> matches <c>a.b</c> and <c>a.b.c</c>, not <c>a.bc</c> (namespaces).</summary>
    Prefix,
    GreaterThan,
    GreaterThanOrEqualTo,
    LessThan,
    LessThanOrEqualTo,
}
