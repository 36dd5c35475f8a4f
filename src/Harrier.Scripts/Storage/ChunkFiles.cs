namespace Harrier.Scripts.Storage;

/// <summary>
/// Numbered local files that a split routes lines to. A file exists once something is written to it (so a
/// partition or a key that gets no line gives no file, as in Kestra), and at most <see cref="MaxOpen"/> are open at
/// once: splitting into thousands of partitions or regex keys closes the least recently written file and reopens it
/// for appending when its turn comes, instead of running out of file handles.
/// </summary>
internal sealed class ChunkFiles(string directory) : IAsyncDisposable
{
    public const int MaxOpen = 64;

    private readonly SortedSet<long> _written = [];
    private readonly Dictionary<long, (StreamWriter Writer, LinkedListNode<long> Node)> _open = [];
    private readonly LinkedList<long> _recent = new();

    /// <summary>The files written to, by ascending number.</summary>
    public IEnumerable<string> WrittenPaths => _written.Select(PathOf);

    public async Task WriteAsync(long number, string text, CancellationToken cancellationToken)
    {
        var writer = await WriterAsync(number).ConfigureAwait(false);
        await writer.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes a file that gets no more lines (sequential splits close each chunk when the next begins).</summary>
    public async Task CloseAsync(long number)
    {
        if (_open.Remove(number, out var entry))
        {
            _recent.Remove(entry.Node);
            await entry.Writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (writer, _) in _open.Values)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        _open.Clear();
        _recent.Clear();
    }

    private async Task<StreamWriter> WriterAsync(long number)
    {
        if (_open.TryGetValue(number, out var entry))
        {
            _recent.Remove(entry.Node);
            _recent.AddLast(entry.Node);
            return entry.Writer;
        }

        if (_open.Count >= MaxOpen && _recent.First is { } oldest)
        {
            await CloseAsync(oldest.Value).ConfigureAwait(false);
        }

        var append = !_written.Add(number);
        var writer = new StreamWriter(
            Harrier.Core.Storage.StreamCopy.Create(PathOf(number), append ? FileMode.Append : FileMode.Create), StorageTaskFiles.Utf8, bufferSize: 16 * 1024);
        _open[number] = (writer, _recent.AddLast(number));
        return writer;
    }

    private string PathOf(long number) => Path.Combine(directory, $"{number}.chunk");
}
