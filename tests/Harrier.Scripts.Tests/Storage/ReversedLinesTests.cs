using System.Text;
using Harrier.Scripts.Storage;

namespace Harrier.Scripts.Tests.Storage;

/// <summary>Reverse's backward reader: lines cut across its 64 KB blocks come out whole, last first.</summary>
public sealed class ReversedLinesTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"harrier-reversed-{Guid.NewGuid():N}.txt");

    public void Dispose() => File.Delete(_path);

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("\n", new[] { "" })]
    [InlineData("a\n", new[] { "a" })]
    [InlineData("a\n\nb\n", new[] { "b", "", "a" })]
    [InlineData("\n\n", new[] { "", "" })]
    public void ReadAsync_gives_the_lines_last_first(string content, string[] expected)
    {
        File.WriteAllText(_path, content);

        Assert.Equal(expected, Read());
    }

    [Theory]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(200_000)]
    public void ReadAsync_keeps_lines_that_cross_block_edges_whole(int firstLineLength)
    {
        // A line of every length around the block size, then many short ones, some multi-byte characters among them.
        var lines = new List<string> { new('é', firstLineLength / 2) };
        lines.AddRange(Enumerable.Range(0, 20_000).Select(n => $"{n}{new string('x', n % 17)}ü"));
        lines.Add(new string('z', 70_000));
        File.WriteAllText(_path, string.Concat(lines.Select(line => line + "\n")), new UTF8Encoding(false));

        lines.Reverse();
        Assert.Equal(lines, Read());
    }

    private List<string> Read() =>
        [.. ReversedLines.ReadAsync(_path, CancellationToken.None).ToBlockingEnumerable().Select(bytes => Encoding.UTF8.GetString(bytes))];
}
