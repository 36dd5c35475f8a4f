namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// Reads a child's stdout and stderr concurrently into a sink, one call at a time.
/// </summary>
/// <remarks>
/// Each stream is read by a dedicated thread with blocking reads: pipe reads in .NET are blocking
/// underneath, and on the thread pool two per running task would starve it on a busy worker.
/// A sink that throws does not stop the reading (a child blocked on a full pipe would never exit);
/// the first failure is kept for the runner to rethrow once the process is gone.
/// </remarks>
internal sealed class ProcessOutputPump
{
    private readonly Lock _gate = new();
    private readonly ITaskOutputSink _sink;
    private readonly Task _readers;
    private bool _abandoned;

    public ProcessOutputPump(IChildProcess child, ITaskOutputSink sink, int maxLineBytes)
    {
        _sink = sink;
        var stdout = Start(child.StandardOutput, line => Deliver(line, isStderr: false), maxLineBytes, $"harrier-stdout-{child.Id}");
        var stderr = Start(child.StandardError, line => Deliver(line, isStderr: true), maxLineBytes, $"harrier-stderr-{child.Id}");
        _readers = Task.WhenAll(stdout, stderr);
    }

    public Exception? SinkFailure { get; private set; }

    /// <summary>False when reading was abandoned (a reader thread is still blocked on an escaped descendant's pipe).</summary>
    public bool Completed => _readers.IsCompleted;

    /// <summary>Waits until both streams reached end of file, at most <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForEndAsync(TimeSpan timeout)
    {
        try
        {
            await _readers.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (Exception)
        {
            // A read error ends reading just like end of file does.
            return true;
        }
    }

    /// <summary>
    /// Waits for end of file once more, then stops delivering: a descendant that escaped the process
    /// group (it called setsid itself) may hold a pipe open forever and must not hold the task too.
    /// Its reader thread stays blocked until that descendant closes the pipe or dies (a small leak,
    /// only for escaped daemons); nothing it reads reaches the sink after this returns.
    /// </summary>
    public async Task FinishAsync(TimeSpan timeout)
    {
        if (!await WaitForEndAsync(timeout))
        {
            lock (_gate)
            {
                _abandoned = true;
            }
        }
    }

    private static Task Start(Stream stream, Action<string> onLine, int maxLineBytes, string name)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                StreamLineReader.ReadLines(stream, onLine, maxLineBytes);
                done.SetResult();
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
            finally
            {
                // The reader owns its stream: disposing it from another thread while a read is blocked hangs.
                stream.Dispose();
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }

    private void Deliver(string line, bool isStderr)
    {
        lock (_gate)
        {
            if (_abandoned)
            {
                return;
            }

            try
            {
                if (isStderr)
                {
                    _sink.OnStderr(line);
                }
                else
                {
                    _sink.OnStdout(line);
                }
            }
            catch (Exception exception)
            {
                SinkFailure ??= exception;
            }
        }
    }
}
