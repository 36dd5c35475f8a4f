namespace Harrier.Server.Api.Executions;

/// <summary>
/// An execution in Kestra's shape (<c>GET /executions/{id}</c>): <c>state.current</c>/<c>state.histories</c>,
/// <c>taskRunList</c> with attempts, <c>labels</c> as <c>[{key, value}]</c>, SECRET inputs masked. <see cref="Url"/> is
/// set when the execution was just created (Kestra's ExecutionResponse).
/// </summary>
public sealed record ApiExecution
{
    public required string Id { get; init; }

    public required string Namespace { get; init; }

    public required string FlowId { get; init; }

    public required int FlowRevision { get; init; }

    public IReadOnlyList<ApiTaskRun>? TaskRunList { get; init; }

    public IReadOnlyDictionary<string, object?>? Inputs { get; init; }

    public IReadOnlyDictionary<string, object?>? Outputs { get; init; }

    public required IReadOnlyList<ApiLabel> Labels { get; init; }

    public required ApiState State { get; init; }

    public required string OriginalId { get; init; }

    public bool Deleted { get; init; }

    public required ApiExecutionMetadata Metadata { get; init; }

    /// <summary>What started the execution (a schedule, a webhook, another flow's end); absent when started by hand.</summary>
    public ApiExecutionTrigger? Trigger { get; init; }

    public string? Url { get; init; }
}

/// <summary>Kestra's execution metadata: the attempt number (restarts add one) and when the first attempt was created.</summary>
public sealed record ApiExecutionMetadata(int AttemptNumber, DateTime OriginalCreatedDate);

/// <summary>Kestra's <c>execution.trigger</c>: the trigger's id and type and the variables it gave (<c>{{ trigger.* }}</c>).</summary>
public sealed record ApiExecutionTrigger(string Id, string Type, IReadOnlyDictionary<string, object?> Variables);
