namespace Harrier.Core.Executions;

/// <summary>
/// What a flowable decided once, when it started, so later planning passes do not re-evaluate
/// expressions whose inputs may have changed: If's branch, ForEach's values.
/// </summary>
public sealed record FlowableDecision
{
    /// <summary>Prefix of <see cref="Branch"/> when a worker-side flowable's children finished: <c>worker:FAILED</c>.</summary>
    public const string WorkerDone = "worker:";

    /// <summary>If: "then" or "else"; WorkingDirectory: <c>worker:STATE</c> once its worker ran the children.</summary>
    public string? Branch { get; init; }

    /// <summary>ForEach: the values, each rendered as text (JSON for maps and lists).</summary>
    public IReadOnlyList<string>? Values { get; init; }
}
