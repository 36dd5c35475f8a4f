using Harrier.Core.Executions;
using Harrier.Core.Logs;

namespace Harrier.Core.Store;

/// <summary>
/// Which log lines a purge deletes (Kestra's <c>PurgeLogs</c>): lines with a timestamp at or before <see cref="EndDate"/>
/// and at or after <see cref="StartDate"/> when given, of one level of <see cref="Levels"/> when given, of the executions
/// selected by <see cref="ExecutionId"/>, <see cref="Namespace"/> and <see cref="FlowId"/> (each an exact match; none: every
/// execution, those already deleted included).
/// </summary>
public sealed record LogPurge(DateTimeOffset EndDate)
{
    public DateTimeOffset? StartDate { get; init; }

    public string? Namespace { get; init; }

    public string? FlowId { get; init; }

    public string? ExecutionId { get; init; }

    /// <summary>Null or empty: every level.</summary>
    public IReadOnlyList<TaskLogLevel>? Levels { get; init; }

    /// <summary>Whether the purge deletes <paramref name="line"/> (its execution already selected).</summary>
    public bool Matches(LogEntry line) =>
        line.Timestamp <= EndDate
        && (StartDate is not { } start || line.Timestamp >= start)
        && (Levels is not { Count: > 0 } levels || levels.Contains(line.Level));
}
