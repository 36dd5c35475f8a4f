namespace Harrier.Core.Executions;

/// <summary>
/// What a flowable decided once, when it started, so later planning passes do not re-evaluate
/// expressions whose inputs may have changed: If's branch, ForEach's values.
/// </summary>
public sealed record FlowableDecision
{
    /// <summary>If: "then" or "else".</summary>
    public string? Branch { get; init; }

    /// <summary>
    /// ForEach: the values, each rendered as text (JSON for maps and lists), as decided in this pass. The store keeps
    /// them apart, one row each (a pass reads only the few it needs), and reads decisions back with only
    /// <see cref="ValueCount"/> set.
    /// </summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>ForEach: how many values there are.</summary>
    public int? ValueCount { get; init; }

    /// <summary>A worker-side flowable (WorkingDirectory): the state its main list ended in on the worker, once it did.</summary>
    public State? WorkerState { get; init; }

    /// <summary>Pause: whether the run has been PAUSED (a RUNNING run with this set was resumed).</summary>
    public bool Paused { get; init; }

    /// <summary>Pause: when the pause ends by itself (its delay, or its timeout); null when only a resume ends it.</summary>
    public DateTimeOffset? ResumeAt { get; init; }

    /// <summary>Pause: how it ends at <see cref="ResumeAt"/>: RUNNING after a delay (it goes on), FAILED after a timeout.</summary>
    public State? ResumeState { get; init; }

    /// <summary>Subflow: the id of the child execution it started.</summary>
    public string? ChildExecutionId { get; init; }

    /// <summary>
    /// ForEachItem: how many child executions it started (one per batch, all in one commit); null until it did. Their ids
    /// derive from the run's id and the iteration, so they need not be stored. Its <see cref="Values"/> are the batch files.
    /// </summary>
    public int? ChildCount { get; init; }

    public int CountOfValues => Values?.Count ?? ValueCount ?? 0;
}
