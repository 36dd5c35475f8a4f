namespace Harrier.Server.Api.Executions;

/// <summary>
/// The answer of a bulk action by query: Kestra's BulkResponse <c>{count}</c> (the executions acted on) and, Harrier's
/// addition, the matching executions that were skipped, each with why (the item shape of Kestra's BulkErrorResponse).
/// </summary>
public sealed record ApiBulkQueryResponse(int Count, IReadOnlyList<ApiBulkInvalid> Invalids);
