using Harrier.Core.Yaml;

namespace Harrier.Core.Flows;

/// <summary>A flow output: its <see cref="Value"/> is rendered when the execution ends.</summary>
public sealed record FlowOutputDefinition(string Id, string Type, YNode Value, SourcePosition Position)
{
    public string? Description { get; init; }
}
