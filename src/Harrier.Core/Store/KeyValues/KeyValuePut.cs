namespace Harrier.Core.Store.KeyValues;

/// <summary>A value to store under (namespace, key); <see cref="Ttl"/> makes it expire that long after the write.</summary>
public sealed record KeyValuePut(string Namespace, string Key, string Type, object? Value)
{
    public string? Description { get; init; }

    public TimeSpan? Ttl { get; init; }
}
