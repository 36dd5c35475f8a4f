namespace Harrier.Core.Yaml;

/// <summary>A 1-based line and column in a source document.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition None { get; } = new(0, 0);

    public bool IsKnown => Line > 0;

    public override string ToString() => $"{Line}:{Column}";
}
