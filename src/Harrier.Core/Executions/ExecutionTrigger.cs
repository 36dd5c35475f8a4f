namespace Harrier.Core.Executions;

/// <summary>
/// What started an execution (Kestra's <c>execution.trigger</c>): the trigger's id and type, and its variables — the
/// <c>trigger</c> of the execution's expressions (<c>trigger.date</c> of a schedule, <c>trigger.body</c> of a webhook,
/// <c>trigger.executionId</c> of a Flow trigger). <see cref="Chain"/> lists the flows (<c>namespace.id</c>) whose ends led
/// here through Flow triggers, oldest first, so a flow never triggers itself again through a loop of them.
/// </summary>
public sealed record ExecutionTrigger(string Id, string Type, IReadOnlyDictionary<string, object?> Variables)
{
    public IReadOnlyList<string> Chain { get; init; } = [];

    /// <summary>The trigger's <c>stopAfter</c> states: the end of this execution in one of them disables the trigger.</summary>
    public IReadOnlyList<State> StopAfter { get; init; } = [];
}
