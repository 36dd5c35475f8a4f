using Harrier.Core.Flows;

namespace Harrier.Core.Executions;

/// <summary>One run of a flow. Immutable: every change is a new record that the store persists.</summary>
public sealed record Execution
{
    public required string Id { get; init; }

    public required string Namespace { get; init; }

    public required string FlowId { get; init; }

    public int FlowRevision { get; init; } = 1;

    public required State State { get; init; }

    /// <summary>Typed inputs (FILE inputs hold their storage URI).</summary>
    public IReadOnlyDictionary<string, object?> Inputs { get; init; } = new Dictionary<string, object?>();

    /// <summary>Flow outputs, rendered when the execution ends.</summary>
    public IReadOnlyDictionary<string, object?> Outputs { get; init; } = new Dictionary<string, object?>();

    public IReadOnlyList<FlowLabel> Labels { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    /// <summary>
    /// The flow document as it was when the execution started, so workers run what was submitted. Stores keep each
    /// distinct document once (<see cref="FlowSourceId"/>) and read it only on request
    /// (<see cref="Store.IExecutionStore.GetFlowSourceAsync"/>): in an execution read back, it is empty when the id is set.
    /// </summary>
    public string FlowSource { get; init; } = "";

    /// <summary>The id of <see cref="FlowSource"/> among stored flow documents (<see cref="FlowSources.IdOf"/>); null for executions stored before ids existed.</summary>
    public string? FlowSourceId { get; init; }

    /// <summary>Where the flow came from (for messages).</summary>
    public string FlowFile { get; init; } = "flow.yml";

    /// <summary>Why the execution failed outside any task (flow outputs, inputs), if it did.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// The process that runs this execution (a <c>harrier run</c> or <c>harrier executions recover</c>), as
    /// <see cref="Engine.Coordination.ProcessIdentity"/> text; null: the pool every server works on.
    /// </summary>
    public string? Owner { get; init; }

    /// <summary>When a kill was requested (stored, so it reaches whichever process runs the tasks).</summary>
    public DateTimeOffset? KillRequestedAt { get; init; }

    /// <summary>
    /// The state a kill ends in instead of KILLED: FAILED or CANCELLED when the executor stopped the execution because an
    /// SLA was violated (Kestra's behaviours FAIL and CANCEL). Written by the executor with the state; null otherwise.
    /// </summary>
    public State? KillEndState { get; init; }

    /// <summary>The store's change sequence as read: grows with every write of the execution or its task runs. Set by the store.</summary>
    public long ChangeSeq { get; init; }

    /// <summary>The change sequence up to which the planner has read task run changes. Written by the planner only.</summary>
    public long PlannedSeq { get; init; }

    /// <summary>The planner's memo of the finished prefixes of the top-level lists (tasks, errors, finally).</summary>
    public PlanProgress? Progress { get; init; }

    /// <summary>The execution that started this one (a Subflow), woken in the same commit that ends this one; null for a top-level execution.</summary>
    public string? ParentExecutionId { get; init; }

    /// <summary>The task run of <see cref="ParentExecutionId"/> that started this execution.</summary>
    public string? ParentTaskRunId { get; init; }

    /// <summary>What started the execution (a schedule, a webhook, another flow's end); null when started by hand or by the API.</summary>
    public ExecutionTrigger? Trigger { get; init; }

    /// <summary>
    /// The flow's concurrency limit (<c>concurrency.limit</c>): checked when the execution is stored, kept so that the
    /// commit ending it can promote the oldest QUEUED execution of the flow without reading the flow.
    /// </summary>
    public int? ConcurrencyLimit { get; init; }

    /// <summary>
    /// What storing the execution does when <see cref="ConcurrencyLimit"/> executions of the flow are already active:
    /// QUEUE (it waits, QUEUED), CANCEL (it ends CANCELLED) or FAIL (it ends FAILED). Read only when it is stored.
    /// </summary>
    public string? ConcurrencyBehavior { get; init; }

    /// <summary>
    /// Kestra's <c>metadata.attemptNumber</c>: 1 for an execution started as usual, one more for each new execution a
    /// <c>retry</c> with <c>behavior: CREATE_NEW_EXECUTION</c> made (<see cref="Engine.Executors.NewExecutionRetry"/>).
    /// </summary>
    public int AttemptNumber { get; init; } = 1;

    /// <summary>Kestra's <c>originalId</c>: the first execution of a chain of retries; null for that first one (its own id).</summary>
    public string? OriginalId { get; init; }

    /// <summary>Kestra's <c>metadata.originalCreatedDate</c>: when the first execution of the chain was created (a retry's <c>maxDuration</c> counts from it); null: <see cref="CreatedAt"/>.</summary>
    public DateTimeOffset? OriginalCreatedAt { get; init; }

    /// <summary>
    /// Set with the state RETRIED: when the next attempt (a new execution) is due; cleared in the commit that creates it. While
    /// set, the execution still belongs to its owner's executors (it is woken at that time, and recovered when its owner dies).
    /// </summary>
    public DateTimeOffset? RetryAt { get; init; }
}
