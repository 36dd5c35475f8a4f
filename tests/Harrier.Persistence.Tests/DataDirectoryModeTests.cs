using System.Runtime.Versioning;
using Harrier.Core.Storage;
using Harrier.Persistence.Files;
using Harrier.Persistence.Sqlite;
using Xunit;

namespace Harrier.Persistence.Tests;

/// <summary>
/// What a data directory holds is its owner's only (whatever the umask): the directory Harrier creates is 0700, the
/// database and its WAL files 0600, storage folders 0700 and stored files 0600 — also a copy of a 0777 or setuid file.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DataDirectoryModeTests : IDisposable
{
    private const UnixFileMode Rwx = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Rw = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _root = Directory.CreateTempSubdirectory("harrier-modes-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task ANewDataDirectory_AndItsDatabaseFiles_AreOwnerOnly()
    {
        var data = Path.Combine(_root, "new", "data");

        await using (var store = await SqliteStore.OpenAsync(data, TimeProvider.System, CancellationToken.None))
        {
            Assert.Equal(Rwx, File.GetUnixFileMode(data));
            foreach (var file in Directory.EnumerateFiles(data, "harrier.db*"))
            {
                Assert.True(File.GetUnixFileMode(file) == Rw, $"{file} is {File.GetUnixFileMode(file)}");
            }

            Assert.Contains(Directory.EnumerateFiles(data), f => f.EndsWith("harrier.db-wal", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ADatabaseLeftWorldReadable_IsTightenedWhenOpened()
    {
        var data = Path.Combine(_root, "old");
        await (await SqliteStore.OpenAsync(data, TimeProvider.System, CancellationToken.None)).DisposeAsync();
        File.SetUnixFileMode(Path.Combine(data, "harrier.db"), Rw | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using var store = await SqliteStore.OpenAsync(data, TimeProvider.System, CancellationToken.None);

        Assert.Equal(Rw, File.GetUnixFileMode(Path.Combine(data, "harrier.db")));
    }

    [Fact]
    public async Task StoredFiles_AreOwnerOnly_EvenWhenTheSourceIsWorldWritableOrSetuid()
    {
        var source = Path.Combine(_root, "loose.sh");
        File.WriteAllText(source, "#!/bin/sh\n");
        File.SetUnixFileMode(source, UnixFileMode.SetUser | Rwx | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        var storage = new LocalFileStorage(Path.Combine(_root, "data", "storage"));
        var copied = StorageUri.Parse("harrier:///ns/flow/executions/e/tasks/t/r/loose.sh");
        var streamed = StorageUri.Parse("harrier:///ns/_files/dir/streamed.txt");

        await storage.PutFileAsync(copied, source, CancellationToken.None);
        await storage.PutAsync(streamed, new MemoryStream([1, 2, 3]), CancellationToken.None);

        foreach (var directory in Directory.EnumerateDirectories(storage.Root, "*", SearchOption.AllDirectories).Append(storage.Root))
        {
            Assert.True(File.GetUnixFileMode(directory) == Rwx, $"{directory} is {File.GetUnixFileMode(directory)}");
        }

        foreach (var file in Directory.EnumerateFiles(storage.Root, "*", SearchOption.AllDirectories))
        {
            Assert.True(File.GetUnixFileMode(file) == Rw, $"{file} is {File.GetUnixFileMode(file)}");
        }
    }
}
