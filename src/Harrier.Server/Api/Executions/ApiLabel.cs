namespace Harrier.Server.Api.Executions;

/// <summary>A label as Kestra's API writes them: <c>{"key", "value"}</c>.</summary>
public sealed record ApiLabel(string Key, string Value);
