using Harrier.Core.Logs;

namespace Harrier.Core.Executions;

/// <summary>A task (or execution) log line. <see cref="Sequence"/> is assigned by the store, increasing per execution.</summary>
public sealed record LogEntry
{
    public required string ExecutionId { get; init; }

    public string? TaskRunId { get; init; }

    public string? TaskId { get; init; }

    public int? Attempt { get; init; }

    public required TaskLogLevel Level { get; init; }

    public required string Message { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public long Sequence { get; init; }
}
