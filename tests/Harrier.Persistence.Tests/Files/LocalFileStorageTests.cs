using Harrier.Core.Engine.Coordination;
using Harrier.Core.Storage;
using Harrier.Persistence.Files;
using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Tests.Files;

/// <summary>The FileStorageContract suite on a real folder, plus what only a local disk can get wrong: symbolic links.</summary>
public sealed class LocalFileStorageTests : FileStorageContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "harrier-tests", Guid.NewGuid().ToString("N"));
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "harrier-tests", Guid.NewGuid().ToString("N") + "-outside");

    protected override Task<IFileStorage> CreateStorageAsync()
    {
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "secret");
        return Task.FromResult<IFileStorage>(new LocalFileStorage(_root));
    }

    public override Task DisposeAsync()
    {
        foreach (var directory in new[] { _root, _outside }.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public void PartialFilesOfAProcessThatIsGone_AreRemoved_AndThoseOfLiveProcessesKept()
    {
        var storage = new LocalFileStorage(_root);
        var partial = Path.Combine(_root, "partial");
        var gone = new ProcessIdentity(ProcessIdentity.HostName, Environment.ProcessId, ProcessIdentity.Current.StartTicks + 1);
        var abandoned = Path.Combine(partial, $"{gone.ToFileName()}.abc");
        var live = Path.Combine(partial, $"{ProcessIdentity.Current.ToFileName()}.def");
        var otherHost = Path.Combine(partial, $"{new ProcessIdentity("elsewhere", 1, 1).ToFileName()}.ghi");
        var unknown = Path.Combine(partial, "not-a-process-name");
        foreach (var file in new[] { abandoned, live, otherHost, unknown })
        {
            File.WriteAllText(file, "half");
        }

        Assert.Equal([abandoned], storage.RemoveAbandonedPartials());
        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(otherHost));
        Assert.True(File.Exists(unknown));
    }

    [Fact]
    public async Task AFolderLinkInsideTheRoot_IsNeitherReadNorWrittenThrough_NorListed()
    {
        await PutTextAsync("harrier:///ns/real.txt", "ok");
        Directory.CreateSymbolicLink(Path.Combine(_root, "files", "ns", "link"), _outside);

        await Assert.ThrowsAsync<StoragePathException>(() => Storage.OpenReadAsync(Uri("harrier:///ns/link/secret.txt"), Ct));
        await Assert.ThrowsAsync<StoragePathException>(() => PutTextAsync("harrier:///ns/link/planted.txt", "x"));
        Assert.Equal(["/ns/real.txt"], (await Storage.ListAsync(Uri("harrier:///ns"), Ct)).Select(f => f.Uri.Path));
        Assert.False(File.Exists(Path.Combine(_outside, "planted.txt")));
    }

    [Fact]
    public async Task AFileLinkInsideTheRoot_IsNotRead()
    {
        Directory.CreateDirectory(Path.Combine(_root, "files", "ns"));
        File.CreateSymbolicLink(Path.Combine(_root, "files", "ns", "passwd"), Path.Combine(_outside, "secret.txt"));

        await Assert.ThrowsAsync<StoragePathException>(() => Storage.OpenReadAsync(Uri("harrier:///ns/passwd"), Ct));
        await Assert.ThrowsAsync<StoragePathException>(() => Storage.GetInfoAsync(Uri("harrier:///ns/passwd"), Ct));
    }

    [Fact]
    public async Task DeletingAPrefixHoldingALink_RemovesTheLinkButNotItsTarget()
    {
        await PutTextAsync("harrier:///ns/d/real.txt", "ok");
        Directory.CreateSymbolicLink(Path.Combine(_root, "files", "ns", "d", "link"), _outside);

        Assert.Equal(1, await Storage.DeleteAsync(Uri("harrier:///ns/d"), Ct));
        Assert.True(File.Exists(Path.Combine(_outside, "secret.txt")));
    }

    [Fact]
    public async Task Files_LiveUnderFilesFolder_AndNoPartialFileStaysBehindAFailedWrite()
    {
        await PutTextAsync("harrier:///ns/f/a.txt", "a");
        await Assert.ThrowsAsync<IOException>(() => Storage.PutAsync(Uri("harrier:///ns/f/b.txt"), new FailingStream(), Ct));

        Assert.True(File.Exists(Path.Combine(_root, "files", "ns", "f", "a.txt")));
        Assert.False(File.Exists(Path.Combine(_root, "files", "ns", "f", "b.txt")));
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, "partial")));
    }

    private sealed class FailingStream : MemoryStream
    {
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw new IOException("source broke");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new IOException("source broke");
    }
}
