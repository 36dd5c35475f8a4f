using Harrier.Scripts.Ion;

namespace Harrier.Scripts.Tests.Ion;

public sealed class IonTextTests
{
    [Fact]
    public void Reader_ReadsKestrasRowFiles_OneStructPerLine()
    {
        var rows = IonTextReader.ReadAll("{id:\"1\",name:\"john\"}\n{id:2,'first name':\"jane\",score:1.5e0,ratio:2.50,on:true,none:null}\n").ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal(new Dictionary<string, object?> { ["id"] = "1", ["name"] = "john" }, rows[0]);
        var second = Assert.IsType<Dictionary<string, object?>>(rows[1]);
        Assert.Equal([2L, "jane", 1.5, 2.5, true, null], second.Values);
        Assert.Equal("first name", second.Keys.ElementAt(1));
    }

    [Fact]
    public void Reader_ReadsTimestampsSymbolsListsAnnotationsAndComments()
    {
        var value = Assert.IsType<Dictionary<string, object?>>(IonTextReader.ReadAll("// a row\n{ at: 2024-01-02T03:04:05Z, kind: ok, tags: [a, \"b\"], n: money::-0x10, s: '''long''' '''text''', e: null.string /* end */ }").Single());

        Assert.Equal("2024-01-02T03:04:05Z", value["at"]);
        Assert.Equal("ok", value["kind"]);
        Assert.Equal(new List<object?> { "a", "b" }, value["tags"]);
        Assert.Equal(-16L, value["n"]);
        Assert.Equal("longtext", value["s"]);
        Assert.Null(value["e"]);
    }

    [Fact]
    public void Reader_ReadsJsonLines()
    {
        Assert.Equal([1L, "x"], IonTextReader.ReadAll("{\"a\": 1}\n{\"a\": \"x\"}").Select(r => ((Dictionary<string, object?>)r!)["a"]));
    }

    [Fact]
    public void Reader_NamesTheLineAndColumnOfAnError()
    {
        var ex = Assert.Throws<FormatException>(() => IonTextReader.ReadAll("{a:1}\n{b:\"open").ToList());

        Assert.StartsWith("Ion text, line 2, column", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_WritesStructsWithSymbols_AndReadsBack()
    {
        var row = new Dictionary<string, object?> { ["id"] = "1", ["first name"] = "j'o\"e", ["n"] = 2L, ["x"] = 1.0, ["tags"] = new List<object?> { true, null } };

        var text = IonTextWriter.Write(row);

        Assert.Equal("{id:\"1\",'first name':\"j'o\\\"e\",n:2,x:1e0,tags:[true,null]}", text);
        Assert.Equal(row, IonTextReader.ReadAll(text).Single());
    }
}
