namespace Harrier.Server.Api.Namespaces;

/// <summary>Kestra's KVEntry, one item of a namespace's key list.</summary>
public sealed record ApiKeyValueEntry(string Key, string? Description, DateTime CreationDate, DateTime UpdateDate, DateTime? ExpirationDate);
