namespace Harrier.Server.Api.Metrics;

/// <summary>Kestra's MetricEntry: one counter or timer (milliseconds) of one task run.</summary>
public sealed record ApiMetricEntry
{
    public required string Namespace { get; init; }

    public required string FlowId { get; init; }

    public required string TaskId { get; init; }

    public required string ExecutionId { get; init; }

    public required string TaskRunId { get; init; }

    public required string Type { get; init; }

    public required string Name { get; init; }

    public required double Value { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    public required DateTimeOffset Timestamp { get; init; }
}
