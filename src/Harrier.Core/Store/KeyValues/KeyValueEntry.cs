namespace Harrier.Core.Store.KeyValues;

/// <summary>
/// A namespace's key-value pair (Kestra's KV store). <see cref="Type"/> is Kestra's KV type name (STRING, NUMBER, BOOLEAN,
/// DATETIME, DATE, DURATION, JSON); <see cref="Value"/> is plain data (strings, longs, doubles, booleans, lists, maps) with
/// dates and durations as their ISO-8601 text.
/// </summary>
public sealed record KeyValueEntry
{
    public required string Namespace { get; init; }

    public required string Key { get; init; }

    public required string Type { get; init; }

    public object? Value { get; init; }

    public string? Description { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Updated { get; init; }

    /// <summary>When the value stops being readable (null: never).</summary>
    public DateTimeOffset? Expires { get; init; }

    public bool IsExpiredAt(DateTimeOffset now) => Expires is { } expires && expires <= now;
}
