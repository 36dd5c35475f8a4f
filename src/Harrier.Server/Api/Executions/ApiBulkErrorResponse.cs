namespace Harrier.Server.Api.Executions;

/// <summary>Kestra's BulkErrorResponse: a message and, per refused item, why (its ConstraintViolation's message and value).</summary>
public sealed record ApiBulkErrorResponse(string Message, IReadOnlyList<ApiBulkInvalid> Invalids);
