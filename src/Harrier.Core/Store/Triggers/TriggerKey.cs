namespace Harrier.Core.Store.Triggers;

/// <summary>A trigger of a deployed flow, as the scheduler's state knows it.</summary>
public sealed record TriggerKey(string Namespace, string FlowId, string TriggerId)
{
    public override string ToString() => $"{Namespace}.{FlowId}/{TriggerId}";
}
