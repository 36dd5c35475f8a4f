using System.Runtime.CompilerServices;
using Harrier.Core.Executions;
using Harrier.Core.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harrier.Core.Engine;

/// <summary>
/// Stores task log lines in order, in batches, without making the task wait: a task printing a million
/// lines pays one short lock and a list append per line. <see cref="FlushAsync"/> is the barrier that makes
/// "stored before reported" hold: the worker flushes before it saves a task run's final state.
/// </summary>
/// <remarks>
/// Writers add to an inbox; the store loop takes the whole inbox at once by swapping lists, so it touches the
/// lock once per batch instead of once per line (a per-line queue cost a lock handover between the two cores
/// on every line). Lines are handed to the store in writing order, at most <see cref="BatchSize"/> per append.
/// While a flood lasts, the loop lets a batch fill for up to <see cref="FloodLinger"/> before taking it; a trickle
/// is stored as each line arrives.
/// </remarks>
public sealed partial class LogWriter : IAsyncDisposable
{
    private const int BatchSize = 8_192;

    /// <summary>
    /// Lines waiting in the inbox. Bounded so a task printing faster than the disk can store slows down
    /// (its pipe fills) instead of the worker's memory growing without limit; with the lines being stored,
    /// at most twice this many are held. Fewer lines held also means less for each garbage collection to copy.
    /// </summary>
    private const int Capacity = 32_768;

    /// <summary>An append of at least this many lines means a task is flooding its output.</summary>
    private const int FloodLines = 256;

    /// <summary>
    /// How long, during a flood, the loop waits for a full batch before storing what it has: a line is then stored
    /// at most this much later, and a million-line task pays ~200 transactions instead of ~1,000 (measured on 2 cores:
    /// 0.85 → 0.65 s of CPU for the whole engine). A flush or dispose ends the wait at once.
    /// </summary>
    private static readonly TimeSpan FloodLinger = TimeSpan.FromMilliseconds(5);

    // A plain object, not a Lock: writers blocked on a full inbox wait on it with Monitor.Wait.
    private readonly object _gate = new();

    // Held while a batch is taken from the inbox and stored — by the loop, or by StoreWithAsync — so lines are stored in
    // the order they were written whoever stores them.
    private readonly SemaphoreSlim _storing = new(1, 1);
    private readonly ILogStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Coordination.EngineHealth? _health;
    private readonly Task _loop;
    private List<LogEntry> _inbox = [];
    private List<TaskCompletionSource> _barriers = [];
    private TaskCompletionSource? _idle;
    private bool _lingering;
    private int _blockedWriters;
    private bool _completed;

    public LogWriter(ILogStore store, TimeProvider? time = null, ILoggerFactory? loggers = null, Coordination.EngineHealth? health = null)
    {
        _health = health;
        _store = store;
        _time = time ?? TimeProvider.System;
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<LogWriter>();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Raised after lines are stored, with their sequence numbers (live log followers listen here).</summary>
    public event Action<IReadOnlyList<LogEntry>>? Stored;

    /// <summary>Queues a line; blocks only while the inbox is full (back-pressure on a runaway task).</summary>
    // Once per log line: optimised from the first call rather than after tiering (see LineSplitter in Harrier.Scripts).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(LogEntry entry)
    {
        TaskCompletionSource? wake;
        lock (_gate)
        {
            while (_inbox.Count >= Capacity && !_completed)
            {
                _blockedWriters++;
                Monitor.Wait(_gate);
                _blockedWriters--;
            }

            if (_completed)
            {
                // The engine is shutting down; a line written after that has nowhere to go.
                return;
            }

            _inbox.Add(entry);
            wake = _lingering && _inbox.Count < BatchSize ? null : TakeIdle();
        }

        // Outside the lock; the loop's continuation runs on the thread pool, never on this writer's thread.
        wake?.TrySetResult();
    }

    /// <summary>Completes when every line written before the call is stored.</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var barrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource? wake;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            _barriers.Add(barrier);
            wake = TakeIdle();
        }

        wake?.TrySetResult();
        return barrier.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Stores every line written so far inside the caller's own transaction instead of one of its own: <paramref name="commit"/>
    /// gets them and returns its result with the lines as stored (their sequences). An attempt's end stores its last lines
    /// with its result this way — one write instead of two, and still no state without its lines. Should the commit fail,
    /// the lines are stored on their own before the failure is passed on.
    /// </summary>
    public async Task<T> StoreWithAsync<T>(Func<IReadOnlyList<LogEntry>, Task<(T Result, IReadOnlyList<LogEntry>? Stored)>> commit)
    {
        await _storing.WaitAsync().ConfigureAwait(false);
        try
        {
            List<LogEntry> lines;
            List<TaskCompletionSource> barriers;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_completed, this);
                (lines, _inbox) = (_inbox, []);
                (barriers, _barriers) = (_barriers, []);
                if (_blockedWriters > 0)
                {
                    Monitor.PulseAll(_gate);
                }
            }

            try
            {
                var (result, stored) = await commit(lines).ConfigureAwait(false);
                if (stored is { Count: > 0 })
                {
                    Stored?.Invoke(stored);
                }

                return result;
            }
            catch
            {
                foreach (var batch in lines.Chunk(BatchSize))
                {
                    await StoreAsync(batch).ConfigureAwait(false);
                }

                throw;
            }
            finally
            {
                foreach (var barrier in barriers)
                {
                    barrier.TrySetResult();
                }
            }
        }
        finally
        {
            _storing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        TaskCompletionSource? wake;
        lock (_gate)
        {
            _completed = true;
            wake = TakeIdle();
            Monitor.PulseAll(_gate);
        }

        wake?.TrySetResult();
        await _loop.ConfigureAwait(false);
    }

    /// <summary>The loop's wake-up if it is waiting (at most one caller gets it). Call under the gate.</summary>
    private TaskCompletionSource? TakeIdle()
    {
        var idle = _idle;
        _idle = null;
        _lingering = false;
        return idle;
    }

    private async Task LoopAsync()
    {
        var lines = new List<LogEntry>();
        var barriers = new List<TaskCompletionSource>();
        var flooding = false;
        while (true)
        {
            if (flooding)
            {
                await LingerAsync().ConfigureAwait(false);
            }

            Task? idle = null;
            bool completed;
            await _storing.WaitAsync().ConfigureAwait(false);
            lock (_gate)
            {
                // Everything written so far, and every barrier registered after those lines, in one swap.
                (lines, _inbox) = (_inbox, lines);
                (barriers, _barriers) = (_barriers, barriers);
                completed = _completed;
                if (lines.Count == 0 && barriers.Count == 0 && !completed)
                {
                    _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    idle = _idle.Task;
                }

                if (_blockedWriters > 0)
                {
                    Monitor.PulseAll(_gate);
                }
            }

            if (idle is not null)
            {
                _storing.Release();
                await idle.ConfigureAwait(false);
                continue;
            }

            try
            {
                for (var start = 0; start < lines.Count; start += BatchSize)
                {
                    var batch = new LogEntry[Math.Min(BatchSize, lines.Count - start)];
                    lines.CopyTo(start, batch, 0, batch.Length);
                    await StoreAsync(batch).ConfigureAwait(false);
                }
            }
            finally
            {
                _storing.Release();
            }

            flooding = lines.Count >= FloodLines;
            lines.Clear();
            foreach (var barrier in barriers)
            {
                barrier.TrySetResult();
            }

            barriers.Clear();
            if (completed)
            {
                return;
            }
        }
    }

    /// <summary>Waits until a batch is full, a barrier or dispose comes, or <see cref="FloodLinger"/> has passed.</summary>
    private async Task LingerAsync()
    {
        Task wake;
        lock (_gate)
        {
            if (_inbox.Count >= BatchSize || _barriers.Count > 0 || _completed)
            {
                return;
            }

            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _lingering = true;
            wake = _idle.Task;
        }

        await Task.WhenAny(wake, Task.Delay(FloodLinger, _time)).ConfigureAwait(false);
        lock (_gate)
        {
            // Timed out: nobody took the wake-up; withdraw it so the loop's next wait sets its own.
            TakeIdle();
        }
    }

    private async Task StoreAsync(LogEntry[] batch)
    {
        try
        {
            var stored = await _store.AppendAsync(batch, CancellationToken.None).ConfigureAwait(false);
            Stored?.Invoke(stored);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Logs must never take the engine down; the failure goes to the host's system log, and a full disk to whoever
            // waits on the engine (the lines of this batch are lost: there is nowhere to keep them).
            LogStoreFailed(_logger, batch.Length, ex.Message);
            if (ex is StoreFailedException failure)
            {
                _health?.Report(failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Count} log lines: {Reason}")]
    private static partial void LogStoreFailed(ILogger logger, int count, string reason);
}
