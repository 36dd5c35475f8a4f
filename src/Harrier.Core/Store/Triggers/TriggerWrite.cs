using Harrier.Core.Executions;

namespace Harrier.Core.Store.Triggers;

/// <summary>
/// A write of one trigger's state, applied only when the stored version is still <see cref="ExpectedVersion"/> (null:
/// only when there is no row yet), together with the executions it fires — all or nothing. The stored version becomes
/// <c>ExpectedVersion + 1</c> (1 for a new row).
/// </summary>
public sealed record TriggerWrite(TriggerState State, long? ExpectedVersion)
{
    public IReadOnlyList<Execution> Executions { get; init; } = [];
}
