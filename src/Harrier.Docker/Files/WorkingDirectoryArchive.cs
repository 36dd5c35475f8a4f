using System.Formats.Tar;
using System.IO.Pipelines;

namespace Harrier.Docker.Files;

/// <summary>
/// The working directory as a tar stream whose top entry is the directory itself (so the container's copy gets
/// the host directory's mode), produced while it is read: a large input file is never held in memory.
/// </summary>
internal sealed class WorkingDirectoryArchive : IAsyncDisposable
{
    private readonly Pipe _pipe = new();
    private readonly Task _writer;

    private WorkingDirectoryArchive(string directory, CancellationToken cancellationToken)
    {
        _writer = WriteAsync(directory, cancellationToken);
        Content = _pipe.Reader.AsStream();
    }

    /// <summary>The tar bytes; extract them in the parent of the directory's path.</summary>
    public Stream Content { get; }

    public static WorkingDirectoryArchive Start(string directory, CancellationToken cancellationToken) => new(directory, cancellationToken);

    /// <summary>Surfaces an error of the producing side (an unreadable file) after the consumer finished.</summary>
    public Task CompletedAsync() => _writer;

    public async ValueTask DisposeAsync()
    {
        await _pipe.Reader.CompleteAsync().ConfigureAwait(false);
        try
        {
            await _writer.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Already surfaced by CompletedAsync, or the reader stopped early (the run failed for another reason).
        }
    }

    private const UnixFileMode AllAccess = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    // Links are stored as links, never followed, so a link in the directory cannot pull host files in.
    private static async Task WriteTreeAsync(TarWriter writer, string directory, string prefix, CancellationToken cancellationToken)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(directory))
        {
            var name = $"{prefix}/{Path.GetFileName(path)}";
            await writer.WriteEntryAsync(path, name, cancellationToken).ConfigureAwait(false);
            if (new DirectoryInfo(path) is { Exists: true, LinkTarget: null })
            {
                await WriteTreeAsync(writer, path, name, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteAsync(string directory, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var output = _pipe.Writer.AsStream();
        try
        {
            var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                var top = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
                // The container's copy is private to the run, so it is writable by whatever user the image or
                // the task's `user` runs as, not only by the worker's (often root) user.
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, top + "/")
                {
                    Mode = AllAccess,
                    ModificationTime = Directory.GetLastWriteTimeUtc(directory),
                }, cancellationToken).ConfigureAwait(false);
                await WriteTreeAsync(writer, directory, top, cancellationToken).ConfigureAwait(false);
            }

            await _pipe.Writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await _pipe.Writer.CompleteAsync(exception).ConfigureAwait(false);
            throw;
        }
    }
}
