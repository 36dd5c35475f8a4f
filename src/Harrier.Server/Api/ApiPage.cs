namespace Harrier.Server.Api;

/// <summary>Kestra's paged results: <c>{"results": [...], "total": N}</c>.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Results, long Total);
