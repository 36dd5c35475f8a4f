using Harrier.Core.Yaml;

namespace Harrier.Core.Tests.Yaml;

public sealed class YamlAnchorAndMergeTests
{
    [Fact]
    public void Read_ResolvesAnAliasToTheAnchoredNode()
    {
        var root = YamlText.Read("base: &b {x: 1}\ncopy: *b\n").Map;

        Assert.Same(root["base"], root["copy"]);
    }

    [Fact]
    public void Read_MergesKeysAndLetsKeysWrittenAfterTheMergeWin()
    {
        var result = YamlText.Read("""
            base: &base
              a: 1
              b: 2
            child:
              <<: *base
              b: 3
            """);

        Assert.Empty(result.Diagnostics);
        var child = Assert.IsType<YMapping>(result.Map["child"]);
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 1L, ["b"] = 3L }, child.ToPlain());
        Assert.Equal(new SourcePosition(6, 3), child.Find("b")!.Key.Position);
    }

    [Fact]
    public void Read_MergesKeysAndLetsKeysWrittenBeforeTheMergeWin()
    {
        var result = YamlText.Read("base: &base {a: 1, b: 2}\nchild:\n  b: 3\n  <<: *base\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new Dictionary<string, object?> { ["b"] = 3L, ["a"] = 1L }, result.Map["child"]!.ToPlain());
    }

    [Fact]
    public void Read_TakesTheFirstMapOfAMergeListFirst()
    {
        var result = YamlText.Read("x: &x {a: 1}\ny: &y {a: 2, b: 2}\nz:\n  <<: [*x, *y]\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 1L, ["b"] = 2L }, result.Map["z"]!.ToPlain());
    }

    [Fact]
    public void Read_StillReportsAKeyWrittenTwiceAfterAMerge()
    {
        var result = YamlText.Read("base: &base {a: 1}\nchild:\n  <<: *base\n  a: 2\n  a: 3\n");

        Assert.Equal(new SourcePosition(5, 3), result.Single.Position);
        Assert.Contains("duplicate key 'a' (first written at line 4)", result.Single.Message);
    }

    [Fact]
    public void Read_TreatsAQuotedMergeKeyAsAnOrdinaryKey()
    {
        var result = YamlText.Read("a:\n  '<<': text\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal("text", ((YMapping)result.Map["a"]!)["<<"]!.ToPlain());
    }
}
