namespace Harrier.Server.Api.Executions;

/// <summary>A task run in Kestra's shape (an item of <c>taskRunList</c>).</summary>
public sealed record ApiTaskRun
{
    public required string Id { get; init; }

    public required string ExecutionId { get; init; }

    public required string Namespace { get; init; }

    public required string FlowId { get; init; }

    public required string TaskId { get; init; }

    public string? ParentTaskRunId { get; init; }

    public string? Value { get; init; }

    public int? Iteration { get; init; }

    public required IReadOnlyList<ApiTaskRunAttempt> Attempts { get; init; }

    public IReadOnlyDictionary<string, object?>? Outputs { get; init; }

    public required ApiState State { get; init; }
}

/// <summary>One attempt of a task run: its state and the worker (process) that ran it.</summary>
public sealed record ApiTaskRunAttempt(ApiState State, string? WorkerId);
