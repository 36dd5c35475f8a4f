using Harrier.Core.Executions;

namespace Harrier.Core.Store;

/// <summary>Filters for listing executions; null means "any".</summary>
public sealed record ExecutionQuery
{
    public string? Namespace { get; init; }

    public string? FlowId { get; init; }

    public State? State { get; init; }

    /// <summary>Only the executions this one started (Subflow, ForEachItem children, whether it waits for them or not).</summary>
    public string? ParentExecutionId { get; init; }

    public int Limit { get; init; } = 50;
}
