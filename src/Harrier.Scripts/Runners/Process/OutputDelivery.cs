using System.Runtime.CompilerServices;

namespace Harrier.Scripts.Runners.Process;

/// <summary>
/// Hands a child's lines to the sink one call at a time. A sink that throws does not stop the reading
/// (a child blocked on a full pipe would never exit); the first failure is kept for the runner to
/// rethrow once the process is gone. After <see cref="Abandon"/> nothing more reaches the sink.
/// </summary>
internal sealed class OutputDelivery
{
    private readonly Lock _gate = new();
    private readonly ITaskOutputSink _sink;
    private bool _abandoned;

    public OutputDelivery(ITaskOutputSink sink)
    {
        _sink = sink;
    }

    public Exception? SinkFailure { get; private set; }

    // Once per log line: optimised from the first call rather than after tiering (see LineSplitter in Harrier.Scripts).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Stdout(string line) => Deliver(line, isStderr: false);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Stderr(string line) => Deliver(line, isStderr: true);

    /// <summary>A line longer than <paramref name="maxLineBytes"/> is about to arrive in pieces.</summary>
    public void Cut(bool isStderr, int maxLineBytes)
    {
        lock (_gate)
        {
            if (_abandoned)
            {
                return;
            }

            try
            {
                _sink.OnLineCut(isStderr, maxLineBytes);
            }
            catch (Exception exception)
            {
                SinkFailure ??= exception;
            }
        }
    }

    public void Abandon()
    {
        lock (_gate)
        {
            _abandoned = true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
