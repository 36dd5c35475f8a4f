using Harrier.Core.Yaml;

namespace Harrier.Core.Tests.Yaml;

public sealed class YamlDocumentReaderErrorTests
{
    [Fact]
    public void Read_ReportsADuplicateKeyAtTheSecondKeyNamingTheFirstLine()
    {
        var result = YamlText.Read("id: a\nnamespace: b\nid: c\n");

        var diagnostic = result.Single;
        Assert.Equal(new SourcePosition(3, 1), diagnostic.Position);
        Assert.Equal("duplicate key 'id' (first written at line 1); remove one of them", diagnostic.Message);
        Assert.Equal("a", ((YScalar)result.Map["id"]!).Value);
    }

    [Fact]
    public void Read_ReportsEveryDuplicateKeyNotOnlyTheFirst()
    {
        var result = YamlText.Read("a: 1\nb: 2\na: 3\nc:\n  x: 1\n  x: 2\n");

        Assert.Equal(2, result.Diagnostics.Count);
        Assert.Equal(new SourcePosition(3, 1), result.Diagnostics[0].Position);
        Assert.Equal(new SourcePosition(6, 3), result.Diagnostics[1].Position);
        Assert.Contains("duplicate key 'x' (first written at line 5)", result.Diagnostics[1].Message);
    }

    [Fact]
    public void Read_ReportsAFlowCollectionLeftOpen_AtTheEndOfTheText_InsteadOfThrowing()
    {
        var diagnostic = YamlText.Read("id: x\nnamespace: [unclosed\ntasks: []\n").Single;

        Assert.Equal(new SourcePosition(3, 10), diagnostic.Position);
        Assert.Contains("close the bracket", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PointsAtTheTabAndSaysToUseSpaces_WhenATabIndents()
    {
        var diagnostic = YamlText.Read("id: a\ntasks:\n\t- id: b\n").Single;

        Assert.Equal(new SourcePosition(3, 1), diagnostic.Position);
        Assert.StartsWith("invalid YAML: ", diagnostic.Message);
        Assert.EndsWith("YAML does not allow tabs for indentation, use spaces", diagnostic.Message);
    }

    [Fact]
    public void Read_PointsAtAnUnclosedQuote()
    {
        var diagnostic = YamlText.Read("id: a\nmessage: \"hello\n").Single;

        Assert.Equal(new SourcePosition(2, 10), diagnostic.Position);
        Assert.Contains("quoted scalar", diagnostic.Message);
    }

    [Fact]
    public void Read_ReportsAnUnknownAliasAndNamesTheMissingAnchor()
    {
        var result = YamlText.Read("a: 1\nb: *missing\n");

        Assert.Equal(new SourcePosition(2, 4), result.Single.Position);
        Assert.Equal("unknown alias '*missing'; define the anchor '&missing' before using it", result.Single.Message);
    }

    [Fact]
    public void Read_ReportsASecondDocumentAtItsMarker()
    {
        var result = YamlText.Read("a: 1\n---\nb: 2\n");

        Assert.Equal(new SourcePosition(2, 1), result.Single.Position);
        Assert.Contains("more than one YAML document", result.Single.Message);
        Assert.Equal(1L, result.Map["a"]!.ToPlain());
    }

    [Fact]
    public void Read_AcceptsAnExplicitStartAndEndOfOneDocument()
    {
        var result = YamlText.Read("---\na: 1\n...\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(1L, result.Map["a"]!.ToPlain());
    }

    [Fact]
    public void Read_RejectsAMapAsAKey()
    {
        var result = YamlText.Read("? {a: 1}\n: value\nb: 2\n");

        Assert.Equal(new SourcePosition(1, 3), result.Single.Position);
        Assert.Equal("a map key must be a plain text, not a map", result.Single.Message);
        Assert.Equal(["b"], result.Map.Entries.Select(e => e.Key.Value));
    }

    [Fact]
    public void Read_StopsAtTheDepthLimitWithAClearMessage_WhenFlowListsNestTooDeep()
    {
        var depth = 100_000;
        var result = YamlText.Read(new string('[', depth) + new string(']', depth));

        Assert.Null(result.Root);
        Assert.Equal($"the document is nested more than {YamlDocumentReader.MaxDepth} levels deep; flatten it", result.Single.Message);
        Assert.Equal(new SourcePosition(1, YamlDocumentReader.MaxDepth + 2), result.Single.Position);
    }

    [Fact]
    public void Read_AcceptsNestingJustBelowTheLimit()
    {
        var depth = YamlDocumentReader.MaxDepth;
        var result = YamlText.Read(new string('[', depth) + "x" + new string(']', depth));

        Assert.Empty(result.Diagnostics);
        Assert.IsType<YSequence>(result.Root);
    }

    [Fact]
    public void Read_BoundsAliasExpansion_WhenGivenABillionLaughs()
    {
        var lines = new List<string> { "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (var i = 1; i <= 9; i++)
        {
            var refs = string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10));
            lines.Add($"a{i}: &a{i} [{refs}]");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = YamlText.Read(string.Join('\n', lines));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Null(result.Root);
        Assert.StartsWith("aliases expand to more than 2,000,000 nodes", result.Single.Message);
        Assert.InRange(result.Single.Position.Line, 7, 8);
    }

    [Fact]
    public void Read_RejectsAMergeKeyOnAText()
    {
        var result = YamlText.Read("a:\n  <<: text\n  b: 1\n");

        Assert.Equal(new SourcePosition(2, 7), result.Single.Position);
        Assert.Equal("a merge key (<<) takes a map or a list of maps", result.Single.Message);
    }
}
