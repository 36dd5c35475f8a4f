using System.IO.Compression;
using Harrier.Core.Tasks.Files.Cache;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tests.Tasks.Files.Cache;

public sealed class CacheArchiveTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("harrier-cache-test-").FullName;

    private string Target => Path.Combine(_root, "work");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task WrittenArchive_ExtractsToTheSameFiles_WithTheirWriteTimes()
    {
        var source = Path.Combine(_root, "src");
        Directory.CreateDirectory(Path.Combine(source, "deps", "sub"));
        File.WriteAllText(Path.Combine(source, "deps", "a.txt"), "alpha");
        File.WriteAllText(Path.Combine(source, "deps", "sub", "b.txt"), "beta");
        var written = new DateTime(2024, 5, 6, 7, 8, 10, DateTimeKind.Local);
        File.SetLastWriteTime(Path.Combine(source, "deps", "a.txt"), written);
        using var zip = new MemoryStream();
        await CacheArchive.WriteAsync(
            new Dictionary<string, string> { ["deps/a.txt"] = Path.Combine(source, "deps", "a.txt"), ["deps/sub/b.txt"] = Path.Combine(source, "deps", "sub", "b.txt") },
            zip,
            CancellationToken.None);
        zip.Position = 0;
        Directory.CreateDirectory(Target);

        var restored = await CacheArchive.ExtractAsync(zip, Target, CancellationToken.None);

        Assert.Equal(["deps/a.txt", "deps/sub/b.txt"], restored);
        Assert.Equal("alpha", File.ReadAllText(Path.Combine(Target, "deps", "a.txt")));
        Assert.Equal("beta", File.ReadAllText(Path.Combine(Target, "deps", "sub", "b.txt")));
        Assert.Equal(written, File.GetLastWriteTime(Path.Combine(Target, "deps", "a.txt")));
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("deps/../../evil")]
    [InlineData("/etc/evil")]
    [InlineData("deps\\..\\evil")]
    [InlineData("C:/evil")]
    public async Task UnsafeEntry_RefusesTheWholeArchive_AndWritesNothing(string name)
    {
        using var zip = Zip(("deps/ok.txt", 0), (name, 0));
        Directory.CreateDirectory(Target);

        var error = await Assert.ThrowsAsync<TaskFailedException>(() => CacheArchive.ExtractAsync(zip, Target, CancellationToken.None));

        Assert.Contains("unsafe entry", error.Message, StringComparison.Ordinal);
        Assert.Equal([Target], Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task SymbolicLinkEntry_IsRefused()
    {
        // Unix mode 0120777 in the high 16 bits of the external attributes: what zip tools write for a link.
        using var zip = Zip(("deps/link", unchecked((int)0xA1FF0000)));
        Directory.CreateDirectory(Target);

        var error = await Assert.ThrowsAsync<TaskFailedException>(() => CacheArchive.ExtractAsync(zip, Target, CancellationToken.None));

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Target));
    }

    [Fact]
    public async Task Entry_IsNotWrittenThroughALinkAlreadyInTheDirectory()
    {
        var outside = Path.Combine(_root, "outside");
        Directory.CreateDirectory(outside);
        Directory.CreateDirectory(Target);
        Directory.CreateSymbolicLink(Path.Combine(Target, "deps"), outside);
        using var zip = Zip(("deps/planted.txt", 0));

        await Assert.ThrowsAsync<TaskFailedException>(() => CacheArchive.ExtractAsync(zip, Target, CancellationToken.None));

        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
    }

    private static MemoryStream Zip(params (string Name, int ExternalAttributes)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, attributes) in entries)
            {
                var entry = zip.CreateEntry(name);
                if (attributes != 0)
                {
                    entry.ExternalAttributes = attributes;
                }

                using var writer = new StreamWriter(entry.Open());
                writer.Write("x");
            }
        }

        stream.Position = 0;
        return stream;
    }
}
