using System.Formats.Tar;
using System.Text;
using Harrier.Docker.Files;
using Harrier.Docker.Tests.Support;

namespace Harrier.Docker.Tests.Files;

public sealed class SafeTarExtractorTests : IDisposable
{
    private readonly TempDirectory _parent = new();
    private readonly string _destination;

    public SafeTarExtractorTests()
    {
        _destination = Path.Combine(_parent.Path, "wd");
        Directory.CreateDirectory(_destination);
    }

    [Fact]
    public async Task Extract_WritesFilesBelowTheDestination_DroppingTheTopDirectory()
    {
        using var archive = Archive(("wd/", null), ("wd/sub/", null), ("wd/sub/a.txt", "A"));

        var skipped = await SafeTarExtractor.ExtractAsync(archive, _destination, CancellationToken.None);

        Assert.Empty(skipped);
        Assert.Equal("A", await File.ReadAllTextAsync(Path.Combine(_destination, "sub", "a.txt")));
    }

    [Fact]
    public async Task Extract_SkipsEntriesThatClimbOutOfTheDestination()
    {
        using var archive = Archive(("wd/../evil.txt", "x"), ("wd/sub/../../evil2.txt", "x"), ("wd/ok.txt", "ok"));

        var skipped = await SafeTarExtractor.ExtractAsync(archive, _destination, CancellationToken.None);

        Assert.Equal(2, skipped.Count);
        Assert.False(File.Exists(Path.Combine(_parent.Path, "evil.txt")));
        Assert.False(File.Exists(Path.Combine(_parent.Path, "evil2.txt")));
        Assert.True(File.Exists(Path.Combine(_destination, "ok.txt")));
    }

    [Fact]
    public async Task Extract_DoesNotCreateALinkToOutside()
    {
        using var outside = new TempDirectory();
        using var archive = new MemoryStream();
        await using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "wd/out") { LinkName = outside.Path });
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "wd/out/planted.txt") { DataStream = new MemoryStream("x"u8.ToArray()) });
        }

        archive.Position = 0;
        var skipped = await SafeTarExtractor.ExtractAsync(archive, _destination, CancellationToken.None);

        Assert.Single(skipped);
        Assert.Null(new DirectoryInfo(Path.Combine(_destination, "out")).LinkTarget);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Path));
    }

    [Fact]
    public async Task Extract_WritesNothingThroughALinkAlreadyInTheDestination()
    {
        using var outside = new TempDirectory();
        Directory.CreateSymbolicLink(Path.Combine(_destination, "out"), outside.Path);
        using var archive = Archive(("wd/out/planted.txt", "x"));

        var skipped = await SafeTarExtractor.ExtractAsync(archive, _destination, CancellationToken.None);

        Assert.Single(skipped);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Path));
    }

    private static MemoryStream Archive(params (string Name, string? Content)[] entries)
    {
        var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                writer.WriteEntry(content is null
                    ? new PaxTarEntry(TarEntryType.Directory, name)
                    : new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
            }
        }

        archive.Position = 0;
        return archive;
    }

    public void Dispose() => _parent.Dispose();
}
