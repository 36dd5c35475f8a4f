namespace Harrier.Core.Yaml;

/// <summary>
/// A node of a YAML document that remembers where it was written. Harrier keeps its own small tree
/// (rather than YamlDotNet's representation model) so that duplicate keys are reported instead of thrown,
/// aliases are bounded, and every value handed to validation or rendering can point back to its line.
/// </summary>
public abstract record YNode(SourcePosition Position)
{
    /// <summary>A short word for messages: "a string", "a list", "a map".</summary>
    public abstract string KindName { get; }

    /// <summary>The value as plain CLR data: null, string, bool, long, double, lists and ordered maps.</summary>
    public abstract object? ToPlain();
}
