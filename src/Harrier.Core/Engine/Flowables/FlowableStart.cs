using Harrier.Core.Executions;

namespace Harrier.Core.Engine.Flowables;

/// <summary>What a flowable decided when it started, and the outputs that decision gives its run (Switch's <c>value</c>).</summary>
internal sealed record FlowableStart(FlowableDecision Decision, IReadOnlyDictionary<string, object?>? Outputs = null)
{
    public static implicit operator FlowableStart(FlowableDecision decision) => new(decision);
}
