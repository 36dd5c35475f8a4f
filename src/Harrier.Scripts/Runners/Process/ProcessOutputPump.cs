namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// Reads a child's stdout and stderr concurrently into a sink, one call at a time. A sink that throws
/// does not stop the reading (a child blocked on a full pipe would never exit); the first failure is
/// kept for the runner to rethrow once the process is gone.
/// </summary>
internal sealed class ProcessOutputPump : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly ITaskOutputSink _sink;
    private readonly Task _readers;

    public ProcessOutputPump(IChildProcess child, ITaskOutputSink sink, int maxLineBytes)
    {
        _sink = sink;
        var stdout = StreamLineReader.ReadLinesAsync(child.StandardOutput, Stdout, maxLineBytes, _abandon.Token);
        var stderr = StreamLineReader.ReadLinesAsync(child.StandardError, Stderr, maxLineBytes, _abandon.Token);
        _readers = Task.WhenAll(stdout, stderr);
    }

    public Exception? SinkFailure { get; private set; }

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
    /// Waits for end of file once more and then stops reading: a descendant that escaped the process
    /// group (it called setsid itself) may hold the pipe open forever, and must not hold the task too.
    /// </summary>
    public async Task FinishAsync(TimeSpan timeout)
    {
        if (!await WaitForEndAsync(timeout))
        {
            await _abandon.CancelAsync();
            await WaitForEndAsync(Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => _abandon.Dispose();

    private void Stdout(string line) => Deliver(line, isStderr: false);

    private void Stderr(string line) => Deliver(line, isStderr: true);

    private void Deliver(string line, bool isStderr)
    {
        lock (_gate)
        {
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
