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

    private async Task WriteAsync(string directory, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var output = _pipe.Writer.AsStream();
        try
        {
            await TarFile.CreateFromDirectoryAsync(directory, output, includeBaseDirectory: true, cancellationToken).ConfigureAwait(false);
            await _pipe.Writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await _pipe.Writer.CompleteAsync(exception).ConfigureAwait(false);
            throw;
        }
    }
}
