using System.Security.Cryptography;
using System.Text;
using Harrier.Core.Storage;
using Xunit;

namespace Harrier.TestKit.Contracts;

/// <summary>What every <see cref="IFileStorage"/> must do. Derive, return a fresh empty storage, clean up in <see cref="DisposeAsync"/>.</summary>
public abstract class FileStorageContract : IAsyncLifetime
{
    private IFileStorage? _storage;

    protected IFileStorage Storage => _storage ?? throw new InvalidOperationException("InitializeAsync has not run.");

    protected static CancellationToken Ct => CancellationToken.None;

    protected abstract Task<IFileStorage> CreateStorageAsync();

    public async Task InitializeAsync() => _storage = await CreateStorageAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected static StorageUri Uri(string text) => StorageUri.Parse(text);

    protected async Task PutTextAsync(string uri, string text)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await Storage.PutAsync(Uri(uri), content, Ct);
    }

    protected async Task<string> ReadTextAsync(string uri)
    {
        await using var stream = await Storage.OpenReadAsync(Uri(uri), Ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(Ct);
    }

    [Fact]
    public async Task Put_ThenOpenRead_ReturnsTheSameBytes()
    {
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        await Storage.PutAsync(Uri("harrier:///company/team/flow/a.bin"), new MemoryStream(bytes), Ct);

        await using var stream = await Storage.OpenReadAsync(Uri("harrier:///company/team/flow/a.bin"), Ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task KestraUris_NameTheSameFilesAsHarrierUris()
    {
        await PutTextAsync("kestra:///ns/f/x.txt", "same");

        Assert.Equal("same", await ReadTextAsync("harrier:///ns/f/x.txt"));
        Assert.Equal("harrier:///ns/f/x.txt", Uri("kestra:///ns/f/x.txt").ToString());
    }

    [Fact]
    public async Task Put_ReplacesAnExistingFile()
    {
        await PutTextAsync("harrier:///ns/f.txt", "first, longer content");
        await PutTextAsync("harrier:///ns/f.txt", "second");

        Assert.Equal("second", await ReadTextAsync("harrier:///ns/f.txt"));
    }

    [Fact]
    public async Task OpenRead_OfAMissingFile_ThrowsFileNotFound() =>
        await Assert.ThrowsAsync<FileNotFoundException>(() => Storage.OpenReadAsync(Uri("harrier:///nothing/here.txt"), Ct));

    [Fact]
    public async Task GetInfo_GivesTheSize_AndNullForAMissingFileOrAFolder()
    {
        await PutTextAsync("harrier:///ns/dir/f.txt", "12345");

        Assert.Equal(5, (await Storage.GetInfoAsync(Uri("harrier:///ns/dir/f.txt"), Ct))?.Size);
        Assert.Null(await Storage.GetInfoAsync(Uri("harrier:///ns/dir/missing.txt"), Ct));
        Assert.Null(await Storage.GetInfoAsync(Uri("harrier:///ns/dir"), Ct));
    }

    [Fact]
    public async Task GetInfo_GivesWhenTheFileWasStored_WhenTheStorageKnows()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);
        await PutTextAsync("harrier:///ns/dir/timed.txt", "1");

        var modified = (await Storage.GetInfoAsync(Uri("harrier:///ns/dir/timed.txt"), Ct))?.Modified;

        // Null is allowed (a storage that cannot tell); a time must be the put's, within clock granularity.
        Assert.True(modified is null || (modified >= before && modified <= DateTimeOffset.UtcNow.AddSeconds(2)), $"modified {modified}");
    }

    [Fact]
    public async Task List_ReturnsEveryFileBelowThePrefix_InPathOrder_ButNotSiblingsSharingItsText()
    {
        await PutTextAsync("harrier:///ns/a/z.txt", "1");
        await PutTextAsync("harrier:///ns/a/sub/deep/y.txt", "22");
        await PutTextAsync("harrier:///ns/ab/other.txt", "3");

        var listed = await Storage.ListAsync(Uri("harrier:///ns/a"), Ct);

        Assert.Equal(["/ns/a/sub/deep/y.txt", "/ns/a/z.txt"], listed.Select(f => f.Uri.Path));
        Assert.Equal([2L, 1L], listed.Select(f => f.Size));
        Assert.Empty(await Storage.ListAsync(Uri("harrier:///ns/missing"), Ct));
    }

    [Fact]
    public async Task Delete_OfAFile_RemovesOnlyIt_AndOfAPrefix_EverythingBelow()
    {
        await PutTextAsync("harrier:///ns/a/1.txt", "1");
        await PutTextAsync("harrier:///ns/a/b/2.txt", "2");
        await PutTextAsync("harrier:///ns/keep.txt", "k");

        Assert.Equal(1, await Storage.DeleteAsync(Uri("harrier:///ns/a/1.txt"), Ct));
        Assert.Equal(1, await Storage.DeleteAsync(Uri("harrier:///ns/a"), Ct));
        Assert.Equal(0, await Storage.DeleteAsync(Uri("harrier:///ns/a"), Ct));
        Assert.Equal(["/ns/keep.txt"], (await Storage.ListAsync(Uri("harrier:///ns"), Ct)).Select(f => f.Uri.Path));
    }

    [Fact]
    public async Task FileNames_WithSpacesAndNonAsciiLetters_RoundTripThroughTheirUriText()
    {
        var uri = StorageUri.Parse("harrier:///ns/f").Append("rapport été 2026.csv");
        await Storage.PutAsync(uri, new MemoryStream("x"u8.ToArray()), Ct);

        var text = uri.ToString();
        Assert.Equal("harrier:///ns/f/rapport%20été%202026.csv", text);
        Assert.Equal("x", await ReadTextAsync(text));
        Assert.Equal(uri, Assert.Single(await Storage.ListAsync(Uri("harrier:///ns/f"), Ct)).Uri);
    }

    [Fact]
    public async Task Put_StreamsALargeNonSeekableSource_AndReadsItBackIdentically()
    {
        const long size = 96L << 20;
        using var hashIn = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await Storage.PutAsync(Uri("harrier:///ns/big.bin"), new GeneratedStream(size, hashIn), Ct);

        using var hashOut = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = await Storage.OpenReadAsync(Uri("harrier:///ns/big.bin"), Ct);
        var buffer = new byte[1 << 20];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, Ct)) > 0)
        {
            hashOut.AppendData(buffer, 0, read);
            total += read;
        }

        Assert.Equal(size, total);
        Assert.Equal(hashIn.GetHashAndReset(), hashOut.GetHashAndReset());
    }

    [Theory]
    [InlineData("harrier:///ns/../../etc/passwd")]
    [InlineData("harrier:///ns/%2e%2e/%2E%2E/etc/passwd")]
    [InlineData("harrier:///ns/a%2F..%2F..%2Fb")]
    [InlineData("harrier:///ns/a%5C..%5Cb")]
    [InlineData("kestra:///./x")]
    [InlineData("harrier:////etc/passwd")]
    [InlineData("harrier:///C:/Windows/win.ini")]
    [InlineData("harrier:///ns/a%00b")]
    [InlineData("/etc/passwd")]
    [InlineData("file:///etc/passwd")]
    public void Uris_ThatCouldLeaveTheRoot_AreRefused_BeforeReachingAnyStorage(string text) =>
        Assert.Throws<StoragePathException>(() => StorageUri.Parse(text));

    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("a/./b")]
    [InlineData("C:/x")]
    public void Append_RefusesTraversal(string relative) =>
        Assert.Throws<StoragePathException>(() => StorageUri.Parse("harrier:///ns").Append(relative));

    /// <summary>Deterministic bytes of a given length, hashed as they are read; not seekable.</summary>
    private sealed class GeneratedStream(long length, IncrementalHash hash) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = (byte)((_position + i) * 31 % 251);
            }

            hash.AppendData(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
