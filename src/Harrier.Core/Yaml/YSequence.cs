namespace Harrier.Core.Yaml;

/// <summary>A YAML sequence.</summary>
public sealed record YSequence(IReadOnlyList<YNode> Items, SourcePosition Position) : YNode(Position)
{
    public override string KindName => "a list";

    public override object? ToPlain()
    {
        var list = new List<object?>(Items.Count);
        foreach (var item in Items)
        {
            list.Add(item.ToPlain());
        }

        return list;
    }
}
