namespace Harrier.Core.Store.Triggers;

/// <summary>An outbox entry: an execution ended (written in the commit that ended it).</summary>
public sealed record EndedExecution(long Seq, string ExecutionId, DateTimeOffset EndedAt);

/// <summary>When a member of a windowed condition was last met, and the outputs of the execution that met it.</summary>
public sealed record WindowMember(DateTimeOffset At, IReadOnlyDictionary<string, object?> Outputs);

/// <summary>The members of one windowed condition of one trigger, written back after an evaluation.</summary>
public sealed record WindowWrite(TriggerKey Key, string WindowId, IReadOnlyDictionary<string, WindowMember> Members);

/// <summary>
/// What acting on an ended execution does, in one transaction: the outbox row goes, windows are written, triggers'
/// states are written (compare-and-set, as <see cref="ITriggerStore.WriteAsync"/>) and executions are created.
/// </summary>
public sealed record EndedConsumption(long Seq)
{
    public IReadOnlyList<WindowWrite> Windows { get; init; } = [];

    public IReadOnlyList<TriggerWrite> Triggers { get; init; } = [];

    public IReadOnlyList<Executions.Execution> Executions { get; init; } = [];
}

/// <summary>A deployed flow's latest revision whose source declares triggers.</summary>
public sealed record TriggerFlowSource(string Namespace, string FlowId, int Revision, string Source);
