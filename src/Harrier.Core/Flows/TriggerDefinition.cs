using Harrier.Core.Yaml;

namespace Harrier.Core.Flows;

/// <summary>A trigger declared by a flow; kept for the scheduler, validated against its type.</summary>
public sealed record TriggerDefinition(string Id, string Type, YMapping Node)
{
    public bool Disabled { get; init; }
}
