using Harrier.Core.Yaml;

namespace Harrier.Core.Tests.Yaml;

public sealed class YamlDocumentReaderPositionTests
{
    private const string Document = """
        id: hello
        tasks:
          - id: first
            list: [1, two]
            map: {a: 1}
            script: |
              print("hi")
            quoted: "text"
        """;

    [Fact]
    public void Read_GivesScalarsTheLineAndColumnOfTheirFirstCharacter()
    {
        var root = YamlText.Read(Document).Map;

        Assert.Equal(new SourcePosition(1, 1), root.Find("id")!.Key.Position);
        Assert.Equal(new SourcePosition(1, 5), root["id"]!.Position);
        Assert.Equal(new SourcePosition(2, 1), root.Find("tasks")!.Key.Position);
    }

    [Fact]
    public void Read_GivesBlockSequencesTheDashAndTheirMapsTheFirstKey()
    {
        var tasks = Assert.IsType<YSequence>(YamlText.Read(Document).Map["tasks"]);
        var first = Assert.IsType<YMapping>(Assert.Single(tasks.Items));

        Assert.Equal(new SourcePosition(3, 3), tasks.Position);
        Assert.Equal(new SourcePosition(3, 5), first.Position);
        Assert.Equal(new SourcePosition(3, 9), first["id"]!.Position);
    }

    [Fact]
    public void Read_GivesFlowCollectionsTheirOpeningBracketAndItemsTheirOwnColumn()
    {
        var first = (YMapping)((YSequence)YamlText.Read(Document).Map["tasks"]!).Items[0];
        var list = Assert.IsType<YSequence>(first["list"]);
        var map = Assert.IsType<YMapping>(first["map"]);

        Assert.Equal(new SourcePosition(4, 11), list.Position);
        Assert.Equal(new SourcePosition(4, 15), list.Items[1].Position);
        Assert.Equal(new SourcePosition(5, 10), map.Position);
        Assert.Equal(new SourcePosition(5, 14), map["a"]!.Position);
    }

    [Fact]
    public void Read_RemembersTheStyleOfBlockAndQuotedScalars()
    {
        var first = (YMapping)((YSequence)YamlText.Read(Document).Map["tasks"]!).Items[0];
        var script = Assert.IsType<YScalar>(first["script"]);
        var quoted = Assert.IsType<YScalar>(first["quoted"]);

        Assert.Equal('|', script.Style);
        Assert.Equal("print(\"hi\")\n", script.Value);
        Assert.Equal(new SourcePosition(6, 13), script.Position);
        Assert.Equal('"', quoted.Style);
        Assert.False(quoted.IsPlain);
        Assert.Equal(new SourcePosition(8, 13), quoted.Position);
    }

    [Fact]
    public void Read_CountsLinesTheSameWithWindowsLineEndings()
    {
        var root = YamlText.Read("id: a\r\nnamespace: b\r\ntasks:\r\n  - x\r\n").Map;

        Assert.Equal(new SourcePosition(2, 12), root["namespace"]!.Position);
        Assert.Equal(new SourcePosition(4, 5), ((YSequence)root["tasks"]!).Items[0].Position);
        Assert.Equal("b", ((YScalar)root["namespace"]!).Value);
    }

    [Fact]
    public void Read_KeepsMapEntriesInDocumentOrder()
    {
        var root = YamlText.Read("z: 1\na: 2\nm: 3\n").Map;

        Assert.Equal(["z", "a", "m"], root.Entries.Select(e => e.Key.Value));
    }

    [Fact]
    public void Read_ReturnsNoRootAndNoErrorForAnEmptyText()
    {
        var result = YamlText.Read("");

        Assert.Null(result.Root);
        Assert.Empty(result.Diagnostics);
    }
}
