namespace Harrier.Scripts.Runners.Containers;

/// <summary>What a container runner needs to know about one attempt: its rendered settings, image and identity.</summary>
public sealed record ContainerRunSpec
{
    /// <summary>The rendered <c>taskRunner</c> map (null when the deprecated <c>docker:</c> options or the server default select the runner).</summary>
    public IReadOnlyDictionary<string, object?>? TaskRunner { get; init; }

    /// <summary>The rendered deprecated <c>docker:</c> options, when the task uses them.</summary>
    public IReadOnlyDictionary<string, object?>? DeprecatedOptions { get; init; }

    public bool UsesDeprecatedOptions { get; init; }

    public required string ContainerImage { get; init; }

    public required string Namespace { get; init; }

    public required string FlowId { get; init; }

    public required string TaskId { get; init; }

    public required string ExecutionId { get; init; }

    public required string TaskRunId { get; init; }

    public required int Attempt { get; init; }

    /// <summary>Messages about the run itself (pulls…) for the task's log.</summary>
    public Action<string>? Log { get; init; }
}
