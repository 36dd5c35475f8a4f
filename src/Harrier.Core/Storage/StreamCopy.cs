namespace Harrier.Core.Storage;

/// <summary>
/// Streaming copies with one pooled buffer (at most 1 MB, smaller for small files) and unbuffered file streams,
/// so moving a file of any size keeps memory flat and a thousand small files do not allocate a megabyte each.
/// </summary>
public static class StreamCopy
{
    public const int MaxBuffer = 1 << 20;

    public static int BufferFor(Stream source) =>
        source.CanSeek ? (int)Math.Clamp(source.Length - source.Position, 4096, MaxBuffer) : MaxBuffer;

    public static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public static FileStream Create(string path, FileMode mode = FileMode.Create) =>
        new(path, mode, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous);

    /// <summary>Writes <paramref name="source"/> to its end into <paramref name="path"/> (created or replaced).</summary>
    public static async Task ToFileAsync(Stream source, string path, CancellationToken cancellationToken)
    {
        await using var target = Create(path);
        await source.CopyToAsync(target, BufferFor(source), cancellationToken).ConfigureAwait(false);
    }
}
