namespace Harrier.Core.Store.Search;

/// <summary>A page of a search: every filter must hold (AND); pages count from 1.</summary>
public sealed record SearchQuery
{
    public IReadOnlyList<SearchFilter> Filters { get; init; } = [];

    public IReadOnlyList<SortOrder> Sort { get; init; } = [];

    public int Page { get; init; } = 1;

    public int Size { get; init; } = 10;

    /// <summary>Rows skipped before the page.</summary>
    public long Offset => (long)(Page - 1) * Size;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Size, 1);
    }
}
