using Harrier.Core.Executions;
using Harrier.Core.Logs;

namespace Harrier.Server.Api.Logs;

/// <summary>A log line in Kestra's LogEntry shape (secrets were masked when the line was stored).</summary>
public sealed record ApiLogEntry
{
    public string? Namespace { get; init; }

    public string? FlowId { get; init; }

    public string? TaskId { get; init; }

    public string? ExecutionId { get; init; }

    public string? TaskRunId { get; init; }

    public int? AttemptNumber { get; init; }

    public DateTime? Timestamp { get; init; }

    public string? Level { get; init; }

    public string? Message { get; init; }

    public bool Deleted { get; init; }

    public static ApiLogEntry From(LogEntry entry, string? ns, string? flowId) => new()
    {
        Namespace = ns,
        FlowId = flowId,
        TaskId = entry.TaskId,
        ExecutionId = entry.ExecutionId,
        TaskRunId = entry.TaskRunId,
        AttemptNumber = entry.Attempt,
        Timestamp = entry.Timestamp.UtcDateTime,
        Level = entry.Level.ToName(),
        Message = entry.Message,
    };
}
