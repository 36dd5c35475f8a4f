namespace Harrier.Core.Store.Search;

/// <summary>One sort key of a search (<c>sort=field:asc|desc</c>).</summary>
public sealed record SortOrder(string Field, bool Descending);
