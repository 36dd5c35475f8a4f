using System.Text;
using Harrier.Docker.Running;

namespace Harrier.Docker.Tests.Running;

public sealed class LineAssemblerTests
{
    private readonly List<string> _lines = [];

    [Fact]
    public void Append_JoinsAUtf8CharacterSplitAcrossTwoFrames()
    {
        var assembler = new LineAssembler(_lines.Add, 1024);
        var bytes = Encoding.UTF8.GetBytes("héllo wörld\n");

        assembler.Append(bytes.AsSpan(0, 2));
        assembler.Append(bytes.AsSpan(2));

        Assert.Equal(["héllo wörld"], _lines);
    }

    [Fact]
    public void Append_EndsLinesOnCrLfAndLf_AndKeepsBlankLines()
    {
        var assembler = new LineAssembler(_lines.Add, 1024);

        assembler.Append("a\r\n\nb\n"u8);

        Assert.Equal(["a", "", "b"], _lines);
    }

    [Fact]
    public void Append_DeliversInPiecesOfMaxLineBytes_ALineWithoutEnd()
    {
        var assembler = new LineAssembler(_lines.Add, 1024);

        assembler.Append(Encoding.ASCII.GetBytes(new string('x', 1500)));
        assembler.Flush();

        Assert.Equal([1500], new[] { _lines.Sum(line => line.Length) });
        Assert.Equal(2, _lines.Count);
    }

    [Fact]
    public void Flush_DeliversTheLastLineWithoutNewline_Once()
    {
        var assembler = new LineAssembler(_lines.Add, 1024);

        assembler.Append("first\nlast"u8);
        assembler.Flush();
        assembler.Flush();

        Assert.Equal(["first", "last"], _lines);
    }
}
