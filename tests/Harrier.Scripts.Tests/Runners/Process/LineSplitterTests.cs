using System.Text;
using Harrier.Scripts.Runners.Process;

namespace Harrier.Scripts.Tests.Runners.Process;

public sealed class LineSplitterTests
{
    private readonly List<string> _lines = [];

    [Fact]
    public void Lines_EndAtNewlineOrCrLf_AndBlankLinesAreKept()
    {
        var splitter = new LineSplitter(_lines.Add, 1024);

        splitter.Push("a\r\n\nb\nc"u8);
        splitter.Flush();

        Assert.Equal(["a", "", "b", "c"], _lines);
    }

    [Fact]
    public void AMultibyteCharacterSplitAcrossReads_IsDecodedWhole()
    {
        var splitter = new LineSplitter(_lines.Add, 1024);
        var bytes = Encoding.UTF8.GetBytes("é☃\n");

        foreach (var b in bytes)
        {
            splitter.Push([b]);
        }

        Assert.Equal(["é☃"], _lines);
    }

    [Fact]
    public void ALineGrowingPastTheCapAcrossReads_IsDeliveredInPieces()
    {
        // The cap bounds what is held between reads; one read (at most 64 KiB) is never split further.
        var splitter = new LineSplitter(_lines.Add, 4);

        splitter.Push("abc"u8);
        splitter.Push("def"u8);
        splitter.Push("ghij\n"u8);

        Assert.Equal("abcdefghij", string.Concat(_lines));
        Assert.True(_lines.Count > 1);
    }

    [Fact]
    public void NothingPending_FlushDeliversNothing()
    {
        var splitter = new LineSplitter(_lines.Add, 16);

        splitter.Push("x\n"u8);
        splitter.Flush();

        Assert.Equal(["x"], _lines);
    }
}
