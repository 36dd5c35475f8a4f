namespace Harrier.Server.Api.Executions;

/// <summary>Kestra's BulkResponse: how many items the action was applied to.</summary>
public sealed record ApiBulkResponse(int Count);
