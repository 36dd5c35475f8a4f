namespace Harrier.Server.Api.Executions;

/// <summary>
/// Kestra's <c>State</c> of an execution, task run or attempt: the current state, its history, and the derived
/// duration (ISO-8601), start (first history date) and end (when terminal).
/// </summary>
public sealed record ApiState(string Current, IReadOnlyList<ApiStateHistory> Histories, string Duration, DateTime StartDate, DateTime? EndDate);

/// <summary>One entry of a state history: the state entered, and when.</summary>
public sealed record ApiStateHistory(string State, DateTime Date);
