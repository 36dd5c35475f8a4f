using Harrier.Core.Yaml;

namespace Harrier.Core.Flows;

/// <summary>A flow input (spec §11.2). Type-specific fields (validator, min, values, itemType…) stay in <see cref="Node"/>.</summary>
public sealed record InputDefinition
{
    public required string Id { get; init; }

    /// <summary>Upper-case type name: STRING, INT, FILE…</summary>
    public required string Type { get; init; }

    public bool Required { get; init; } = true;

    /// <summary>The default as plain data, or null.</summary>
    public object? Defaults { get; init; }

    public bool HasDefaults { get; init; }

    public string? Description { get; init; }

    public string? DisplayName { get; init; }

    public required YMapping Node { get; init; }

    public SourcePosition Position => Node.Position;

    public object? Field(string name) => Node[name]?.ToPlain();
}
