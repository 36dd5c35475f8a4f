using System.Threading.Channels;
using Harrier.Core.Executions;
using Harrier.Core.Store;

namespace Harrier.Core.Engine;

/// <summary>
/// Stores task log lines in order, in batches, without making the task wait: a task printing a million
/// lines pays one channel write per line. <see cref="FlushAsync"/> is the barrier that makes "stored
/// before reported" hold: the worker flushes before it saves a task run's final state.
/// </summary>
public sealed class LogWriter : IAsyncDisposable
{
    private const int BatchSize = 8_192;

    /// <summary>
    /// Lines waiting to be stored. Bounded so a task printing faster than the disk can store slows down
    /// (its pipe fills) instead of the worker's memory growing without limit.
    /// </summary>
    private const int Capacity = 65_536;

    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly ILogStore _store;
    private readonly Task _loop;

    public LogWriter(ILogStore store)
    {
        _store = store;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Raised after lines are stored, with their sequence numbers (live log followers listen here).</summary>
    public event Action<IReadOnlyList<LogEntry>>? Stored;

    /// <summary>Queues a line; blocks only while the queue is full (back-pressure on a runaway task).</summary>
    public void Write(LogEntry entry)
    {
        if (_queue.Writer.TryWrite(entry))
        {
            return;
        }

        try
        {
            _queue.Writer.WriteAsync(entry).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            // The engine is shutting down; a line written after that has nowhere to go.
        }
    }

    /// <summary>Completes when every line written before the call is stored.</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var barrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return WriteBarrierAsync(barrier, cancellationToken);
    }

    private async Task WriteBarrierAsync(TaskCompletionSource barrier, CancellationToken cancellationToken)
    {
        await _queue.Writer.WriteAsync(barrier, cancellationToken).ConfigureAwait(false);
        await barrier.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        var batch = new List<LogEntry>(BatchSize);
        var barriers = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var item))
            {
                if (item is LogEntry entry)
                {
                    batch.Add(entry);
                }
                else
                {
                    barriers.Add((TaskCompletionSource)item);
                    break;
                }
            }

            await StoreAsync(batch).ConfigureAwait(false);
            batch.Clear();
            foreach (var barrier in barriers)
            {
                barrier.TrySetResult();
            }

            barriers.Clear();
        }
    }

    private async Task StoreAsync(List<LogEntry> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            var stored = await _store.AppendAsync([.. batch], CancellationToken.None).ConfigureAwait(false);
            Stored?.Invoke(stored);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Logs must never take the engine down; the failure is visible on stderr of the host.
            await Console.Error.WriteLineAsync($"harrier: could not store {batch.Count} log lines: {ex.Message}").ConfigureAwait(false);
        }
    }
}
