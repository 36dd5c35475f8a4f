namespace Harrier.Server.Api.Namespaces;

/// <summary>Kestra's TypedValue: a KV value and its type (STRING, NUMBER, BOOLEAN, DATETIME, DATE, DURATION, JSON).</summary>
public sealed record ApiTypedValue(string Type, object? Value);
