namespace Harrier.Core.Store.Search;

/// <summary>One page of results and how many there are in all (Kestra's <c>{results, total}</c>).</summary>
public sealed record Page<T>(IReadOnlyList<T> Results, long Total);
